// effect: secret
// refuses: toURL
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { [got: 'file://@SECRET_FILE@'.toURL().text] }
