// effect: file
// refuses: class
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { def n = 0; def k = "${-> n++ < 1 ? 'class' : 'bytes'}"; def c = 'x'[k]; c.forName('java.io.File').newInstance('@MARKER@').createNewFile() }
