definition(name: "Classic DSL Test", namespace: "hearth.test", author: "Hearth", description: "The classic DSL pieces over HTTP",
        category: "Convenience", oauth: true)

preferences {
    section("Devices") {
        input "switches", "capability.switch", title: "Switches", multiple: true
        input "others", "capability.switch", title: "Other switches", multiple: true, required: false
        input "push", "enum", title: "Push?", metadata: [values: ["Yes", "No"]], required: false
    }
}

mappings {
    path("/probe") { action: [GET: "probe"] }
    path("/mode/:name") { action: [PUT: "mode"] }
    path("/form") { action: [POST: "form"] }
    path("/remember/:value") { action: [PUT: "remember"] }
    path("/routines") { action: [GET: "routines", POST: "runRoutine"] }
}

def installed() { runEvery30Minutes(tick); subscribe(location, "routineExecuted", routineRan) }
def routineRan(evt) { state.lastRoutine = "${evt.displayName}=${evt.value}" }
def routines() { [labels: location.helloHome?.getPhrases()*.label, last: state.lastRoutine] }
def runRoutine() { location.helloHome.execute(request.JSON.label); [mode: location.mode] }
def updated() { }
def tick() { }

def probe() {
    [others: others == null, push: push, mode: location.mode, remembered: settings.remembered,
     scale: getTemperatureScale(), json: [n: 1].encodeAsJSON()]
}

def mode() {
    setLocationMode(params.name)
    [now: location.mode]
}

def form() { [deviceId: params.deviceId, callbackUrl: params.callbackUrl] }

def remember() { app.updateSetting("remembered", params.value) }
