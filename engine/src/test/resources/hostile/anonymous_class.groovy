// effect: file
// refuses: anonymous
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { def r = new Object() { String toString() { new File('@MARKER@').text = 'x'; 'x' } }; r.toString() }
