// effect: file
// refuses: groovy.util.Eval
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { Eval.me("new File('@MARKER@').text = 'x'") }
