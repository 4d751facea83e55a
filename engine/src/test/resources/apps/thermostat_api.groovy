/**
 *  Thermostat API: read temperatures, set heating and cooling setpoints.
 */
definition(name: "Thermostat API", namespace: "hearth.examples", author: "Hearth",
    description: "Thermostats over REST", category: "Green Living", iconUrl: "", oauth: true)

preferences {
    section("Climate") {
        input "thermostats", "capability.thermostat", multiple: true
        input "sensors", "capability.temperatureMeasurement", title: "Extra sensors", multiple: true, required: false
        input "maxSetpoint", "number", title: "Highest setpoint allowed", required: false, defaultValue: 28
    }
}

mappings {
    path("/climate") { action: [GET: "climate"] }
    path("/thermostats/:id/setpoint") { action: [PUT: "setpoint", POST: "setpoint"] }
}

def climate() {
    def readings = ((thermostats ?: []) + (sensors ?: [])).collect {
        [name: it.displayName, temperature: it.currentValue("temperature")]
    }.findAll { it.temperature != null }
    def temps = readings*.temperature.collect { it as BigDecimal }
    [
        scale: location.temperatureScale,
        readings: readings,
        average: temps ? (temps.sum() / temps.size()).setScale(1, BigDecimal.ROUND_HALF_UP) : null,
        warmest: readings ? readings.max { it.temperature }.name : null,
        summary: String.format("%d sensors", readings.size())
    ]
}

def setpoint() {
    def t = thermostats.find { it.id == params.id }
    if (!t) {
        httpError(404, "no such thermostat")
    }
    def json = request.JSON ?: [:]
    def limit = (maxSetpoint ?: 28) as Integer
    if (json.heat != null) {
        def heat = Math.min(json.heat as Double, limit as Double)
        t.setHeatingSetpoint(Math.round(heat * 2) / 2)
    }
    if (json.cool != null) {
        t.setCoolingSetpoint(json.cool as Integer)
    }
    if (json.mode) {
        t.setThermostatMode(json.mode.toString().toLowerCase())
    }
    [id: t.id, heatingSetpoint: t.currentValue("heatingSetpoint"), mode: t.currentThermostatMode]
}
