definition(
    name: "State Race Test",
    namespace: "hearth.test",
    author: "Hearth",
    description: "Calls that save state at the same time",
    category: "Convenience",
    oauth: true)

preferences {
    section("Devices") {
        input "switches", "capability.switch", title: "Which switches?", multiple: true, required: false
    }
}

mappings {
    path("/count") {
        action: [POST: "count", GET: "counted"]
    }
    path("/count/slowly/:millis") {
        action: [POST: "countSlowly"]
    }
}

def count() {
    state.count = (state.count ?: 0) + 1
    [count: state.count]
}

// Reads the count, waits, then saves one more than it read.
def countSlowly() {
    def read = state.count ?: 0
    pause(params.millis as Integer)
    state.count = read + 1
    [count: state.count]
}

def counted() {
    [count: state.count ?: 0]
}
