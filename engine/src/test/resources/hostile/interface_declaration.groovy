// effect: file
// refuses: declaring classes
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
interface Evil { String X = new File('@MARKER@').createNewFile().toString() }
def attack() { Evil.X }
