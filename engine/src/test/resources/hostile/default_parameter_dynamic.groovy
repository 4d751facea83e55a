// effect: file
// refuses: java.util.ArrayList.execute()
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack(p = ['touch', '@MARKER@']."${'exec' + 'ute'}"().waitFor()) { p }
