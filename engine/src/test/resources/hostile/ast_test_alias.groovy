// effect: file
// refuses: @T
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
import groovy.transform.ASTTest as T
@T(value = { new File('@MARKER@').text = 'x' })
def attack() { }
