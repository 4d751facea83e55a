// effect: file
// refuses: the class java.lang.Class
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { Class.forName('java.io.File').newInstance('@MARKER@').createNewFile() }
