// effect: file
// refuses: super
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { super.evaluate("new File('@MARKER@').text = 'x'") }
