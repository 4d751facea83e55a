/**
 *  Sensor Dashboard: contact, motion, battery and recent events.
 */
import java.text.SimpleDateFormat

definition(name: "Sensor Dashboard", namespace: "hearth.examples", author: "Hearth",
    description: "Everything the sensors say", category: "Safety & Security", iconUrl: "", oauth: true)

preferences {
    section("Sensors") {
        input "contacts", "capability.contactSensor", multiple: true, required: false
        input "motions", "capability.motionSensor", multiple: true, required: false
        input "batteries", "capability.battery", multiple: true, required: false
    }
}

mappings {
    path("/summary") { action: [GET: "summary"] }
    path("/states") { action: [GET: "states"] }
    path("/events/:id") { action: [GET: "recentEvents"] }
}

def summary() {
    def open = contacts?.findAll { it.currentContact == "open" }*.displayName ?: []
    def active = motions?.count { it.currentValue("motion") == "active" } ?: 0
    def low = batteries?.findAll { (it.currentValue("battery") ?: 100) < 20 }?.collect { it.displayName } ?: []
    [open: open.sort(), activeMotion: active, lowBattery: low, allClosed: open.isEmpty()]
}

def states() {
    def fmt = new SimpleDateFormat("yyyy-MM-dd HH:mm")
    fmt.setTimeZone(location.timeZone)
    contacts.collect { d ->
        def s = d.currentState("contact")
        [device: d.displayName, state: s, local: fmt.format(s.date), iso: s.isoDate]
    }
}

def recentEvents() {
    def all = (contacts ?: []) + (motions ?: [])
    def device = all.find { it.id == params.id }
    if (!device) {
        httpError(404, "unknown sensor")
    }
    def max = params.max ? params.max.toInteger() : 5
    device.events(max: max).collect { [name: it.name, value: it.value, date: it.date] }
}
