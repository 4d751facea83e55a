// effect: file
// refuses: ASTTest
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
import groovy.transform.ASTTest
def attack() {
    @ASTTest(value = { new File('@MARKER@').text = 'x' })
    def y = 1
    y
}
