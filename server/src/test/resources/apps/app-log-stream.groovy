definition(name: "Streaming Log App", namespace: "test", author: "Hearth", description: "Logs what it is told",
        category: "Convenience", oauth: true)
preferences { section("Switches") { input "switches", "capability.switch", multiple: true } }
mappings {
    path("/say/:text") { action: [GET: "say"] }
    path("/whisper/:text") { action: [GET: "whisper"] }
    path("/echo") { action: [POST: "echo"] }
    path("/fail") { action: [GET: "fail"] }
}

def installed() { }

def say() {
    log.info "said ${params.text}"
    [ok: true]
}

def whisper() {
    log.debug "whispered ${params.text}"
    [ok: true]
}

def echo() {
    log.debug "echoing ${request.JSON?.name}"
    [hello: request.JSON?.name]
}

def fail() {
    log.warn "about to fail"
    throw new IllegalStateException("the lamp is on fire")
}
