definition(name: "Logging App", namespace: "test", author: "Hearth", description: "Logs, fails, floods",
        category: "Convenience", oauth: true)
preferences { section("Switches") { input "switches", "capability.switch", multiple: true } }
mappings {
    path("/fail") { action: [GET: "fail"] }
    path("/flood") { action: [GET: "flood"] }
    path("/ok") { action: [GET: "ok"] }
}

def installed() { log.info "installed with ${switches?.size()} switches" }

def ok() { [ok: true] }

def fail() {
    log.debug "about to fail; access_token=${params.access_token}"
    helper()
}

def helper() {
    throw new IllegalStateException("the lamp is on fire")
}

def flood() {
    100000.times { log.debug "line $it" }
    [ok: true]
}
