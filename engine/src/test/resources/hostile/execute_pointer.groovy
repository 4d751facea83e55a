// effect: file
// refuses: method pointer
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { def e = ['touch', '@MARKER@'].&execute; e().waitFor() }
