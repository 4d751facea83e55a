// effect: file
// refuses: class
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { def n = 'cl' + 'ass'; (['x']*."$n")[0].forName('java.io.File').newInstance('@MARKER@').createNewFile() }
