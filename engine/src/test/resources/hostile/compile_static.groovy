// effect: file
// refuses: CompileStatic
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
@groovy.transform.CompileStatic
def attack() { new File('@MARKER@').text = 'x' }
