/**
 *  Turn It On When It Opens
 *
 *  SmartThings' own classic SmartApp (SmartThingsPublic, smartapps/smartthings/
 *  turn-it-on-when-it-opens.src), unchanged but for this comment and a mappings block (Hearth
 *  runs Web Services SmartApps, which have one): the hub tests run it on a real protocol's door
 *  sensor and plug.
 */
definition(
    name: "Turn It On When It Opens",
    namespace: "smartthings",
    author: "SmartThings",
    description: "Turn something on when an open/close sensor opens.",
    category: "Convenience",
    iconUrl: "https://s3.amazonaws.com/smartapp-icons/Meta/light_contact-outlet.png",
    iconX2Url: "https://s3.amazonaws.com/smartapp-icons/Meta/light_contact-outlet@2x.png"
)

preferences {
	section("When the door opens..."){
		input "contact1", "capability.contactSensor", title: "Where?"
	}
	section("Turn on a light..."){
		input "switches", "capability.switch", multiple: true
	}
}

mappings {
	path("/switches") {
		action: [GET: "listSwitches"]
	}
}

def listSwitches() {
	switches.collect { [id: it.id, value: it.currentValue("switch")] }
}

def installed()
{
	subscribe(contact1, "contact.open", contactOpenHandler)
}

def updated()
{
	unsubscribe()
	subscribe(contact1, "contact.open", contactOpenHandler)
}

def contactOpenHandler(evt) {
	log.debug "$evt.value: $evt, $settings"
	log.trace "Turning on switches: $switches"
	switches.on()
}
