/**
 *  Hearth Demo: a web-services SmartApp in the classic style.
 *
 *  It lets an authorized client list and switch the lights the user picked, and read their
 *  doors and locks, as in the classic "Web Services SmartApp" tutorial.
 */
definition(
    name: "Hearth Demo",
    namespace: "hearth",
    author: "Hearth",
    description: "Lets a web client read and switch your lights, and see your doors and locks.",
    category: "Convenience",
    iconUrl: "https://example.com/icon.png",
    iconX2Url: "https://example.com/icon@2x.png",
    oauth: [displayName: "Hearth Demo", displayLink: ""])

preferences {
    section("Allow the app to control these things...") {
        input "switches", "capability.switch", title: "Which lights and switches?", multiple: true, required: false
        input "contacts", "capability.contactSensor", title: "Which doors and windows?", multiple: true, required: false
        input "locks", "capability.lock", title: "Which locks?", multiple: true, required: false
    }
}

mappings {
    path("/switches") {
        action: [GET: "listSwitches"]
    }
    path("/switches/:command") {
        action: [PUT: "updateSwitches"]
    }
    path("/switches/:id/:command") {
        action: [PUT: "updateSwitch"]
    }
    path("/contacts") {
        action: [GET: "listContacts"]
    }
    path("/locks") {
        action: [GET: "listLocks"]
    }
    path("/stats") {
        action: [GET: "stats"]
    }
}

def installed() {
    log.debug "Installed with ${switches?.size() ?: 0} switches"
    state.calls = 0
}

def updated() {
    log.debug "Updated"
}

def listSwitches() {
    state.calls = (state.calls ?: 0) + 1
    switches.collect { [id: it.id, name: it.displayName, value: it.currentValue("switch")] }
}

def updateSwitches() {
    state.calls = (state.calls ?: 0) + 1
    def command = params.command
    switch (command) {
        case "on":
            switches.on()
            break
        case "off":
            switches.off()
            break
        default:
            httpError(400, "$command is not a valid command for all switches specified")
    }
}

def updateSwitch() {
    state.calls = (state.calls ?: 0) + 1
    def device = switches.find { it.id == params.id }
    if (!device) {
        httpError(404, "Switch not found")
    }
    if (params.command == "on") {
        device.on()
    } else if (params.command == "off") {
        device.off()
    } else {
        httpError(400, "${params.command} is not a valid command")
    }
}

def listContacts() {
    contacts.collect { [id: it.id, name: it.displayName, value: it.currentValue("contact")] }
}

def listLocks() {
    locks.collect { [id: it.id, name: it.displayName, value: it.currentValue("lock")] }
}

def stats() {
    [calls: state.calls ?: 0, location: location.name]
}
