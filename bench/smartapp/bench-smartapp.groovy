/**
 *  Hearth bench: the installation-API workload of bench/run.
 *  GET /devices lists the chosen devices (ten in the bench) with their current switch value.
 *  It reads no state and sends no commands, so the figure is the platform's own cost:
 *  token check, Installation and device lookup, and one handler call in the engine.
 *  GET /devices/logged is the same with one log.debug line a call: the app log's cost (issue 12).
 */
definition(
    name: "Hearth Bench",
    namespace: "hearth.bench",
    author: "Hearth",
    description: "Lists ten devices for the load harness.",
    category: "Convenience",
    iconUrl: "https://example.com/icon.png",
    iconX2Url: "https://example.com/icon@2x.png",
    oauth: [displayName: "Hearth Bench", displayLink: ""])

preferences {
    section("Devices") {
        input "switches", "capability.switch", title: "Which switches?", multiple: true, required: true
    }
}

mappings {
    path("/devices") {
        action: [GET: "listDevices"]
    }
    path("/devices/logged") {
        action: [GET: "listDevicesLogged"]
    }
}

def installed() {
}

def updated() {
}

def listDevices() {
    switches.collect { [id: it.id, name: it.displayName, value: it.currentValue("switch")] }
}

def listDevicesLogged() {
    log.debug "listing ${switches.size()} devices"
    listDevices()
}
