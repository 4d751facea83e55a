definition(name: "Installed Fails Test", namespace: "hearth.test", author: "Hearth", description: "installed() throws",
        category: "Convenience", oauth: true)

preferences {
    section { input "switches", "capability.switch", title: "Switches", multiple: true }
}

mappings { path("/x") { action: [GET: "x"] } }

def installed() {
    createAccessToken()
    throw new IllegalStateException("the bridge at ${settings.host} did not answer")
}

def x() { [ok: true] }
