// effect: file
// refuses: java.io.File
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
import java.io.File as Harmless
def attack() { new Harmless('@MARKER@').text = 'pwned' }
