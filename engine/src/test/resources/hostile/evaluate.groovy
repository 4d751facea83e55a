// effect: file
// refuses: evaluate
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { evaluate("new File('@MARKER@').text = 'x'") }
