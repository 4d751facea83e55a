/**
 *  Device Gateway: the IFTTT-style generic API. Any input by name, any command the device has.
 */
definition(name: "Device Gateway", namespace: "hearth.examples", author: "Hearth",
    description: "Generic device API", category: "Convenience", iconUrl: "", oauth: true)

preferences {
    section("Allow access to") {
        input "switches", "capability.switch", title: "Switches", multiple: true, required: false
        input "locks", "capability.lock", title: "Locks", multiple: true, required: false
        input "shades", "capability.windowShade", title: "Shades", multiple: true, required: false
    }
}

mappings {
    path("/:deviceType") { action: [GET: "list"] }
    path("/:deviceType/:id") { action: [GET: "show"] }
    path("/:deviceType/:id/:command") { action: [PUT: "command", POST: "command"] }
}

private devicesFor(type) {
    if (!(type in ["switches", "locks", "shades"])) {
        httpError(404, "unknown device type ${type}")
    }
    settings[type] ?: []
}

private findDevice() {
    def d = devicesFor(params.deviceType).find { it.id == params.id }
    d ?: httpError(404, "device not found")
}

private view(d) {
    [id: d.id, label: d.displayName,
     capabilities: d.capabilities.collect { c -> [name: c.name, commands: c.commands*.name] },
     attributes: d.supportedAttributes*.name.collectEntries { [(it): d.currentValue(it)] }]
}

def list() {
    devicesFor(params.deviceType).collect { view(it) }
}

def show() {
    view(findDevice())
}

def command() {
    def d = findDevice()
    def command = params.command
    if (!d.hasCommand(command)) {
        httpError(422, "${d.displayName} does not support ${command}; try ${d.supportedCommands*.name.join(', ')}")
    }
    def args = request.JSON?.arguments ?: []
    d."$command"(*args)
    [device: d.id, sent: command, args: args]
}
