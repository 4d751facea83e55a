// effect: file
// refuses: execute
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack(p = ['touch', '@MARKER@'].execute().waitFor()) { p }
