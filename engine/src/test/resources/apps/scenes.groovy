/**
 *  Scenes: remember device settings by name in state and bring them back.
 */
definition(name: "Scenes", namespace: "hearth.examples", author: "Hearth",
    description: "Named scenes", category: "Convenience", iconUrl: "", oauth: true)

preferences {
    section("Lights in scenes") {
        input "lights", "capability.switchLevel", multiple: true
    }
}

mappings {
    path("/scenes") { action: [GET: "listScenes", POST: "saveScene"] }
    path("/scenes/:name") { action: [PUT: "applyScene", DELETE: "deleteScene", GET: "showScene"] }
}

def listScenes() {
    def scenes = state.scenes ?: [:]
    scenes.collect { name, settings -> [name: name, devices: settings.size(), applied: state.applied?.get(name) ?: 0] }
}

def saveScene() {
    def json = request.JSON
    if (!json?.name) {
        httpError(400, "a scene needs a name")
    }
    def snapshot = [:]
    lights.each { light ->
        snapshot[light.id] = [on: light.currentSwitch == "on", level: light.currentValue("level")]
    }
    if (state.scenes == null) {
        state.scenes = [:]
    }
    state.scenes[json.name] = snapshot
    state.saves = (state.saves ?: 0) + 1
    [name: json.name, devices: snapshot.size()]
}

def showScene() {
    def scene = state.scenes?."${params.name}"
    scene ?: httpError(404, "no scene ${params.name}")
}

def applyScene() {
    def scene = state.scenes?.get(params.name)
    if (scene == null) {
        httpError(404, "no scene ${params.name}")
    }
    scene.each { id, setting ->
        def light = lights.find { it.id == id }
        if (light) {
            if (setting.on) {
                light.on()
                light.setLevel(setting.level)
            } else {
                light.off()
            }
        }
    }
    state.applied = state.applied ?: [:]
    state.applied[params.name] = (state.applied[params.name] ?: 0) + 1
    state.totalApplied = state.totalApplied ?: 0
    state.totalApplied++
}

def deleteScene() {
    state.scenes?.remove(params.name)
}
