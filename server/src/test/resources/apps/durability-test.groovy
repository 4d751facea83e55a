definition(
    name: "Durability Test",
    namespace: "hearth.test",
    author: "Hearth",
    description: "Acknowledged writes of every kind, for the crash and two-node tests",
    category: "Convenience",
    oauth: true)

preferences {
    section("Devices") {
        input "dimmers", "capability.switchLevel", title: "Which dimmers?", multiple: true, required: true
    }
}

mappings {
    path("/state/:key/:value") {
        action: [PUT: "putState"]
    }
    path("/state/:key") {
        action: [GET: "getState"]
    }
    path("/level/:value") {
        action: [PUT: "level"]
    }
    path("/count") {
        action: [POST: "count", GET: "counted"]
    }
    path("/later/:seconds") {
        action: [PUT: "later"]
    }
    path("/slowly/:seconds") {
        action: [PUT: "slowly"]
    }
    path("/listen/:millis") {
        action: [PUT: "listen"]
    }
}

def putState() {
    state[params.key] = params.value as Integer
}

def getState() {
    [value: state[params.key]]
}

def level() {
    dimmers.setLevel(params.value as Integer)
}

def count() {
    state.count = (state.count ?: 0) + 1
    [count: state.count]
}

def counted() {
    [count: state.count ?: 0, woken: state.woken ?: 0, slow: state.slow ?: 0, heard: state.heard ?: 0]
}

def later() {
    runIn(params.seconds as Integer, "wake")
}

def wake() {
    state.woken = (state.woken ?: 0) + 1
}

def slowly() {
    runIn(params.seconds as Integer, "wakeSlowly")
}

// A job still running when the server is killed (the crash test): its run never finishes.
def wakeSlowly() {
    pause(8000)
    state.slow = (state.slow ?: 0) + 1
}

// The dimmers' switch events, each counted once its handler ran (it takes millis first).
def listen() {
    state.handlerMillis = params.millis as Integer
    subscribe(dimmers, "switch", "onSwitch")
}

def onSwitch(evt) {
    if (state.handlerMillis) {
        pause(state.handlerMillis)
    }
    state.heard = (state.heard ?: 0) + 1
}
