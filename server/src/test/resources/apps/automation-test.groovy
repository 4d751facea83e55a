definition(
    name: "Automation Test",
    namespace: "hearth.test",
    author: "Hearth",
    description: "Subscriptions, schedules and modes",
    category: "Convenience",
    oauth: true)

preferences {
    section("Devices") {
        input "switches", "capability.switch", title: "Watch these", multiple: true
        input "lights", "capability.switch", title: "Turn these on too", multiple: true, required: false
    }
}

mappings {
    path("/log") {
        action: [GET: "readLog"]
    }
    path("/later") {
        action: [POST: "later"]
    }
    path("/mode/:mode") {
        action: [PUT: "changeMode"]
    }
    path("/subscriptions") {
        action: [GET: "listSubscriptions"]
    }
}

def installed() {
    initialize()
}

def updated() {
    unsubscribe()
    unschedule()
    initialize()
}

def initialize() {
    state.log = []
    subscribe(switches, "switch.on", onHandler)
    subscribe(location, "mode", modeHandler)
}

def onHandler(evt) {
    state.log = (state.log ?: []) + ["${evt.displayName}:${evt.value}"]
    lights?.on()
}

def modeHandler(evt) {
    state.log = (state.log ?: []) + ["mode:${evt.value}"]
}

def later() {
    runIn(60, wakeUp)
    [scheduled: true]
}

def wakeUp() {
    state.log = (state.log ?: []) + ["woke"]
}

def readLog() {
    [log: state.log ?: []]
}

def listSubscriptions() {
    app.subscriptions.collect { [handler: it.handler, name: it.name, device: it.device?.displayName] }
}

def changeMode() {
    setLocationMode(params.mode)
    [mode: params.mode]
}
