// effect: file
// refuses: java.lang.Runtime
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { Runtime.getRuntime().exec(['touch', '@MARKER@'] as String[]).waitFor() }
