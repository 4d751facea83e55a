// effect: file
// refuses: getClass
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { 'x'.getClass().forName('java.io.File').newInstance('@MARKER@').createNewFile() }
