// The classic page pieces a dashboard or bridge app's settings use (issue 17): routines read on a
// page, mode inputs, the app's own name (label), an href handing params to the page it opens, and
// the Location's hubs.
definition(name: "Classic Pages Test", namespace: "hearth.test", author: "Hearth",
        description: "Routines, modes, label, href params and hubs on its pages", category: "Convenience", oauth: true)

preferences {
    page(name: "mainPage", title: "Main", install: true, uninstall: true)
    page(name: "room", title: "Room")
}

mappings {
    path("/probe") { action: [GET: "probe"] }
}

def installed() { subscribe(location, "routineExecuted", routineRan) }
def updated() { unsubscribe(); subscribe(location, "routineExecuted", routineRan) }
def routineRan(evt) { state.ran = "${evt.displayName}=${evt.value}" }

def mainPage() {
    dynamicPage(name: "mainPage", title: "Main", install: true, uninstall: true) {
        section("Devices") {
            input "switches", "capability.switch", title: "Switches", multiple: true, required: false
        }
        section("When") {
            input "routine", "enum", title: "Routine to follow", options: location.helloHome?.getPhrases()*.label,
                    required: false
            input "activeModes", "mode", title: "Active in which modes?", multiple: true, required: false
            input "homeMode", "mode", title: "Mode when home", required: false
            href "room", title: "Kitchen", description: "Its own settings", params: [room: "kitchen"]
        }
        section { label title: "Name this app", required: false }
        section { paragraph title: "Hubs", "${location.hubs*.name.join(', ')}" }
    }
}

def room(params) {
    dynamicPage(name: "room", title: "Room ${params?.room}") {
        section { paragraph title: "Opened for", "room=${params?.room}" }
    }
}

def probe() {
    [label: app.label, routine: routine, activeModes: activeModes, homeMode: homeMode, ran: state.ran,
     hubs: location.hubs.collect { [name: it.name, type: it.type] },
     switchHubs: switches?.collect { [it.displayName, it.hub.name, it.hub.type] }]
}
