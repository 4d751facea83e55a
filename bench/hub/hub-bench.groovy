/**
 *  Hearth bench: hubs. Counts the switch events of the plugs (a real device's state messages
 *  through a hub), and turns the bulbs on or off on request (the command's way out to MQTT).
 */
definition(
    name: "Hearth Hub Bench",
    namespace: "hearth.bench",
    author: "Hearth",
    description: "Counts hub events and sends hub commands for bench/hub.",
    category: "Convenience",
    oauth: true)

preferences {
    section("Devices") {
        input "plugs", "capability.switch", title: "Count these", multiple: true
        input "bulbs", "capability.switch", title: "Command these", multiple: true
    }
}

mappings {
    path("/count") {
        action: [GET: "count"]
    }
    path("/bulbs/:command") {
        action: [PUT: "command"]
    }
}

def installed() {
    state.count = 0
    subscribe(plugs, "switch", counted)
}

def updated() {
    unsubscribe()
    subscribe(plugs, "switch", counted)
}

def counted(evt) {
    state.count = (state.count ?: 0) + 1
}

def count() {
    [count: state.count ?: 0]
}

def command() {
    if (params.command == "on") {
        bulbs.on()
    } else {
        bulbs.off()
    }
}
