/**
 *  Lights and Locks: list and control switches, dimmers and locks by id.
 */
definition(
    name: "Lights and Locks",
    namespace: "hearth.examples",
    author: "Hearth",
    description: "Control lights and locks from a dashboard",
    category: "Convenience",
    iconUrl: "https://example.com/icon.png",
    oauth: [displayName: "Lights & Locks", displayLink: "https://example.com"])

preferences {
    section("Lights") {
        input "switches", "capability.switch", title: "Switches", multiple: true, required: false
        input "dimmers", "capability.switchLevel", title: "Dimmers", multiple: true, required: false
    }
    section("Locks") {
        input "locks", "capability.lock", title: "Locks", multiple: true, required: false
    }
}

mappings {
    path("/devices") { action: [GET: "listDevices"] }
    path("/devices/:id") { action: [GET: "showDevice", PUT: "updateDevice"] }
    path("/locks/:id/:command") { action: [PUT: "lockCommand"] }
}

private allDevices() {
    (switches ?: []) + (dimmers ?: []) + (locks ?: [])
}

private deviceById(id) {
    def device = allDevices().find { it.id == id }
    if (!device) {
        httpError(404, "Device not found")
    }
    device
}

private describe(device) {
    def info = [id: device.id, label: device.displayName, type: device.typeName]
    if (device.hasCapability("Switch")) {
        info.switch = device.currentValue("switch")
    }
    if (device.hasCapability("Switch Level")) {
        info.level = device.currentValue("level")
    }
    if (device.hasCapability("Lock")) {
        info.lock = device.currentLock
    }
    info
}

def listDevices() {
    allDevices().unique { it.id }.sort { it.displayName }.collect { describe(it) }
}

def showDevice() {
    describe(deviceById(params.id))
}

def updateDevice() {
    def device = deviceById(params.id)
    def body = request.JSON
    if (body?.switch == "on") {
        device.on()
    } else if (body?.switch == "off") {
        device.off()
    }
    if (body?.level != null) {
        if (!device.hasCommand("setLevel")) {
            httpError(422, "${device.displayName} can't dim")
        }
        device.setLevel(body.level as Integer)
    }
}

def lockCommand() {
    def lock = locks?.find { it.id == params.id }
    if (!lock) {
        httpError(404, "Lock not found")
    }
    switch (params.command) {
        case ["lock", "unlock"]:
            lock."${params.command}"()
            return render(contentType: "application/json", data: [id: lock.id, done: params.command], status: 200)
        default:
            httpError(400, "Unknown command ${params.command}")
    }
}
