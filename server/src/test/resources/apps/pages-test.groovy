// An app that, like the homebridge and dashboard apps, shows on its own page what to copy into its client.
definition(name: "Pages Test", namespace: "hearth.test", author: "Hearth", description: "Shows its token",
        category: "Convenience", oauth: true)

preferences {
    page(name: "copyConfig", title: "Copy into your client", install: true, uninstall: true)
    page(name: "options", title: "Options") {
        section("Options") {
            input "greeting", "text", title: "Greeting", required: false
            input "switches", "capability.switch", title: "Which switches?", multiple: true, required: false
        }
    }
}

mappings {
    path("/config") { action: [GET: "config"] }
}

def installed() { }

def updated() { state.updatedWith = settings.greeting }

def copyConfig() {
    if (!state.accessToken) { createAccessToken() }
    dynamicPage(name: "copyConfig", title: "Copy into your client", install: true, uninstall: true) {
        section("Your client's settings") {
            paragraph title: "Token", "${state.accessToken}"
            href url: "${apiServerUrl("/api/smartapps/installations/${app.id}/config?access_token=${state.accessToken}")}",
                    style: "external", required: false, title: "Config", description: "Open it in your browser"
            href url: "javascript:window.clicked = true", title: "Bad link"
            paragraph "<script>window.hacked = true</script>"
            href "options", title: "Options", description: "Greeting and switches"
        }
        if (state.updatedWith) {
            section { paragraph title: "updated() saw", "${state.updatedWith}" }
        }
    }
}

def config() { [greeting: settings.greeting, switches: switches?.size() ?: 0] }
