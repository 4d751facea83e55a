// effect: file
// refuses: ASTTest
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
@groovy.transform.ASTTest(value = { new File('@MARKER@').text = 'x' })
def attack() { }
