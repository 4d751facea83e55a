/**
 *  Energy Report: sums, averages and rankings of power meters.
 */
import groovy.transform.Field

@Field final List LEVELS = ["low", "medium", "high"]
@Field final Map THRESHOLDS = [low: 0, medium: 100, high: 1000]

definition(name: "Energy Report", namespace: "hearth.examples", author: "Hearth",
    description: "Where the watts go", category: "Green Living", iconUrl: "", oauth: true)

preferences {
    section { input "meters", "capability.powerMeter", multiple: true }
}

mappings {
    path("/report") { action: [GET: "report"] }
    path("/rank/:n") { action: [GET: "rank"] }
}

private level(watts) {
    def name = LEVELS.reverse().find { watts >= THRESHOLDS[it] }
    name ?: LEVELS[0]
}

def report() {
    def readings = meters.collectEntries { [(it.displayName): (it.currentValue("power") ?: 0) as BigDecimal] }
    def total = readings.values().inject(0) { acc, w -> acc + w }
    def byLevel = readings.groupBy { name, watts -> level(watts) }.collectEntries { k, v -> [(k): v.keySet().sort()] }
    def lines = []
    readings.eachWithIndex { entry, i ->
        lines << "${(i + 1).toString().padLeft(2, '0')} ${entry.key.toUpperCase()}: ${entry.value}W"
    }
    def codes = readings.keySet().collect { (it =~ /[A-Z]/).collect { m -> m }.join() }
    [total: total, average: readings ? total / readings.size() : 0, byLevel: byLevel, lines: lines,
     codes: codes, peak: readings.max { it.value }?.key, range: (1..3).collect { it * 2 }]
}

def rank() {
    int n = params.n.toInteger()
    def sorted = meters.sort(false) { -((it.currentValue("power") ?: 0) as Double) }
    sorted.take(n).withIndex().collect { d, i -> [rank: i + 1, name: d.displayName] }
}
