definition(
    name: "Webhook Test",
    namespace: "hearth.test",
    author: "Hearth",
    description: "Posts device changes to a webhook, as IFTTT's SmartApp does",
    category: "Convenience",
    oauth: true)

preferences {
    section("Watch") {
        input "switches", "capability.switch", title: "These switches", multiple: true
        input "hook", "text", title: "Webhook URL", required: true
    }
}

mappings {
    path("/ping") {
        action: [GET: "ping"]
    }
}

def installed() {
    subscribe(switches, "switch", changed)
}

def updated() {
    unsubscribe()
    subscribe(switches, "switch", changed)
}

def changed(evt) {
    httpPostJson(uri: settings.hook, body: [device: evt.displayName, value: evt.value]) { resp ->
        log.debug "webhook answered ${resp.status}"
    }
}

def ping() {
    [ok: true]
}
