definition(name: "History", namespace: "test", author: "t", description: "reads device and Location history",
        category: "c", oauth: true)
preferences { section("s") { input "switches", "capability.switch", multiple: true } }
mappings {
    path("/h/:form") { action: [GET: "history"] }
    path("/mode/:mode") { action: [PUT: "mode"] }
}
def lamp() { switches.find { it.displayName == "Lamp" } }
def at(name) { params[name] ? new Date(params[name] as long) : null }
def history() {
    def l = lamp()
    switch (params.form) {
        case "events": return l.events().collect { it.name + "=" + it.value }
        case "eventsMax": return l.events(max: params.max as int).collect { it.value }
        case "since": return l.eventsSince(at("from")).collect { it.value }
        case "sinceMax": return l.eventsSince(at("from"), [max: 2]).collect { it.value }
        case "between": return l.eventsBetween(at("from"), at("to")).collect { it.value }
        case "statesSince": return l.statesSince("level", at("from")).collect { it.integerValue }
        case "statesBetween": return l.statesBetween("switch", at("from"), at("to"), [max: 1]).collect { it.value }
        case "state":
            def s = l.currentState("level")
            return [name: s.name, value: s.value, unit: s.unit, date: s.date.time, latest: l.latestState("switch").value]
        case "event":
            def e = l.events(max: 1)[0]
            return [name: e.name, value: e.value, unit: e.unit, date: e.date.time, id: e.id, device: e.deviceId,
                    displayName: e.displayName]
        case "modes": return location.events().collect { it.value }
        case "modesSince": return location.eventsSince(at("from")).collect { it.name + "=" + it.value }
    }
}
def mode() { setLocationMode(params.mode); [mode: params.mode] }
