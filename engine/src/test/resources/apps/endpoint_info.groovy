/**
 *  Endpoint Info: the classic "create a token in installed()" pattern, and mappings that differ
 *  for calls that bring the app's own token.
 */
definition(name: "Endpoint Info", namespace: "hearth.examples", author: "Hearth",
    description: "Tells a client where it is", category: "My Apps", iconUrl: "", oauth: true)

preferences {
    section { input "switches", "capability.switch", multiple: true, required: false }
}

mappings {
    if (!params.access_token || (params.access_token && params.access_token != state.accessToken)) {
        path("/info") { action: [GET: "info"] }
    } else {
        path("/info") { action: [GET: "privateInfo"] }
    }
    path("/token") { action: [POST: "newToken", DELETE: "dropToken"] }
}

def installed() {
    initialize()
}

def updated() {
    initialize()
}

def initialize() {
    if (!state.accessToken) {
        createAccessToken()
    }
    log.info "endpoint is ${getFullApiServerUrl()}"
}

def info() {
    [app: app.id, name: app.label, location: location.name, endpoint: getFullApiServerUrl(),
     server: getApiServerUrl(), icons: apiServerUrl("/icons/x.png"), devices: switches?.size() ?: 0]
}

def privateInfo() {
    info() + [private: true]
}

def newToken() {
    revokeAccessToken()
    state.accessToken = null
    [token: createAccessToken()]
}

def dropToken() {
    revokeAccessToken()
    state.remove("accessToken")
}
