/**
 *  Token Guarded: the classic pattern of apps whose links carry ?access_token=, checked by the
 *  app itself inside mappings, with a one-page dynamic preferences screen.
 */
definition(name: "Token Guarded", namespace: "hearth.examples", author: "Hearth",
    description: "Links with the token in them", category: "SmartThings Labs", iconUrl: "", oauth: true)

preferences {
    page(name: "setupPage")
}

def setupPage() {
    if (!state.accessToken) {
        createAccessToken()
    }
    dynamicPage(name: "setupPage", title: "Setup", install: true, uninstall: true) {
        section("Devices for the /devices call") {
            input "things", "capability.refresh", title: "Devices", multiple: true, required: false
        }
        section {
            href url: "${apiServerUrl("/api/smartapps/installations/${app.id}/config?access_token=${state.accessToken}")}",
                 style: "embedded", required: false, title: "Config"
        }
    }
}

mappings {
    if (!params.access_token || (params.access_token && params.access_token != state.accessToken)) {
        path("/devices") { action: [GET: "authError"] }
        path("/config") { action: [GET: "authError"] }
    } else {
        path("/devices") { action: [GET: "renderDevices"] }
        path("/config") { action: [GET: "renderConfig"] }
    }
}

def authError() {
    [error: "Permission denied"]
}

def renderConfig() {
    def json = new groovy.json.JsonOutput().toJson([app_url: apiServerUrl("/api/smartapps/installations/"),
                                                    app_id: app.id, tokenKnown: state.accessToken != null])
    render contentType: "text/plain", data: new groovy.json.JsonOutput().prettyPrint(json)
}

def renderDevices() {
    [things: things.collect { [id: it.id, name: it.displayName] }]
}
