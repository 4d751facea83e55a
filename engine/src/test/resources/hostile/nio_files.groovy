// effect: file
// refuses: java.nio.file
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { java.nio.file.Files.write(java.nio.file.Paths.get('@MARKER@'), 'pwned'.bytes) }
