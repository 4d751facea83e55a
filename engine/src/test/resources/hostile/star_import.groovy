// effect: file
// refuses: java.nio.file.Files
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
import java.nio.file.*
def attack() { Files.write(Paths.get('@MARKER@'), 'pwned'.bytes) }
