// effect: file
// refuses: java.lang.Runtime
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
import static java.lang.Runtime.getRuntime
def attack() { getRuntime().exec(['touch', '@MARKER@'] as String[]).waitFor() }
