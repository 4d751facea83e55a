/**
 *  Presence and Modes: who is home, the location's modes, and the time of day.
 */
definition(name: "Presence and Modes", namespace: "hearth.examples", author: "Hearth",
    description: "Who's home", category: "Family", iconUrl: "", oauth: true)

preferences {
    section("People") {
        input "people", "capability.presenceSensor", multiple: true, required: false
    }
    section("Quiet hours") {
        input "quietStart", "time", title: "From", required: false
        input "quietEnd", "time", title: "To", required: false
        input "notify", "bool", title: "Notify me", required: false
        input "greeting", "text", title: "Greeting", required: false
        input "homeMode", "mode", title: "Home mode", required: false
        input "style", "enum", options: ["short", "long"], required: false
    }
}

mappings {
    path("/home") { action: [GET: "home"] }
    path("/modes") { action: [GET: "modes"] }
    path("/quiet") { action: [GET: "quiet"] }
}

def home() {
    def present = people?.findAll { it.currentPresence == "present" } ?: []
    def names = present.collect { it.displayName }
    def text = names ? "${greeting ?: 'Hello'}, ${names.join(' and ')}" : "Nobody is home"
    [count: present.size(), names: names, text: text.toString(), notify: notify == true,
     style: settings.style ?: "short"]
}

def modes() {
    [current: location.mode, all: location.modes*.name, home: homeMode ?: location.currentMode?.name,
     isHome: location.mode == (homeMode ?: "Home")]
}

def quiet() {
    def tz = location.timeZone
    def start = timeToday(quietStart ?: "22:00", tz)
    def end = timeToday(quietEnd ?: "07:00", tz)
    def nowDate = new Date(now())
    [timeZone: tz.ID, start: start, end: end, quiet: timeOfDayIsBetween(start, end, nowDate, tz),
     startsInFuture: start.time > 0]
}
