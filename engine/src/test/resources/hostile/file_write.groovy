// effect: file
// refuses: java.io.File
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { new File('@MARKER@').text = 'pwned' }
