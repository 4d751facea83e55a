// effect: secret
// refuses: java.net.URL
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { [got: new URL('file://@SECRET_FILE@').text] }
