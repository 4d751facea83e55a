// effect: file
// refuses: not allowed
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { def c = 'x'['class']; c.forName('java.io.File').newInstance('@MARKER@').createNewFile() }
