// effect: file
// refuses: declaring classes
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
class Evil { static { new File('@MARKER@').text = 'x' } }
def attack() { new Evil() }
