definition(
    name: "Flow Test",
    namespace: "hearth.test",
    author: "Hearth",
    description: "Exercises the classic installation API",
    category: "Convenience",
    oauth: true)

preferences {
    section("Control") {
        input "switches", "capability.switch", title: "Which switches?", multiple: true, required: true
        input "lock", "capability.lock", title: "Which lock?", multiple: false, required: false
    }
}

mappings {
    path("/switches") {
        action: [GET: "listSwitches", POST: "echo"]
    }
    path("/switches/:command") {
        action: [PUT: "command"]
    }
    path("/crash") {
        action: [GET: "crash"]
    }
    path("/state") {
        action: [GET: "readState", DELETE: "clearState"]
    }
    path("/render") {
        action: [GET: "renderIt"]
    }
    path("/render/:kind") {
        action: [GET: "renderKind"]
    }
    path("/token-check") {
        action: [GET: "tokenCheck"]
    }
}

def listSwitches() {
    switches.collect { [id: it.id, name: it.displayName, value: it.currentValue("switch")] }
}

def echo() {
    [received: request.JSON?.name]
}

def command() {
    if (params.command == "on") {
        switches.on()
    } else if (params.command == "off") {
        switches.off()
    } else {
        httpError(400, "unknown command ${params.command}")
    }
}

def crash() {
    throw new IllegalStateException("boom")
}

def readState() {
    state.count = (state.count ?: 0) + 1
    [count: state.count]
}

def clearState() {
    state.count = 0
    [ignored: true]
}

def tokenCheck() {
    [seen: params.access_token != null]
}

def renderIt() {
    render(contentType: "text/plain", data: "hello", status: 202)
}

def renderKind() {
    if (params.kind == "html") {
        render(contentType: "text/html", data: "<p>Grüße ☃</p>", headers: ["X-Kind": "html"])
    } else {
        render(contentType: "application/x-latin", data: "café")
    }
}
