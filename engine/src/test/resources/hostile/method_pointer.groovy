// effect: file
// refuses: method pointer
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { def p = Runtime.&getRuntime; p().exec(['touch', '@MARKER@'] as String[]).waitFor() }
