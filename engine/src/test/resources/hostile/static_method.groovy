// effect: file
// refuses: java.util.ArrayList.execute()
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
static helper(cmd, name) { cmd."$name"().waitFor() }
def attack() { helper(['touch', '@MARKER@'], "exec" + "ute") }
