// effect: file
// refuses: class
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { 'x'.class.forName('java.io.File').newInstance('@MARKER@').createNewFile() }
