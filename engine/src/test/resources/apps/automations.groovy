/**
 *  Automations: subscribes and schedules in installed()/updated(), and reports what it set up.
 */
definition(name: "Automations", namespace: "hearth.examples", author: "Hearth",
    description: "Lights follow motion", category: "Convenience", iconUrl: "", oauth: true)

preferences {
    section {
        input "motions", "capability.motionSensor", multiple: true
        input "lights", "capability.switch", multiple: true
        input "minutes", "number", title: "Off after (minutes)", required: false
    }
}

mappings {
    path("/setup") { action: [GET: "setup"] }
    path("/test") { action: [POST: "testRun"] }
}

def installed() {
    state.installedAt = now()
    initialize()
}

def updated() {
    unsubscribe()
    unschedule()
    initialize()
}

def initialize() {
    subscribe(motions, "motion.active", motionHandler)
    subscribe(location, "mode", modeHandler)
    schedule("0 0 3 * * ?", nightly)
    state.delay = (minutes ?: 5) * 60
}

def motionHandler(evt) {
    lights.on()
    runIn(state.delay ?: 300, "lightsOff")
}

def modeHandler(evt) {
}

def lightsOff() {
    lights.off()
}

def nightly() {
    state.nightlyRuns = (state.nightlyRuns ?: 0) + 1
}

def setup() {
    [delay: state.delay, installedAt: state.installedAt != null]
}

def testRun() {
    motionHandler(null)
    [lights: lights*.currentSwitch]
}
