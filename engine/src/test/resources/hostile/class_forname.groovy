// effect: file
// refuses: forName
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { Class.forName('java.io.File').newInstance('@MARKER@').createNewFile() }
