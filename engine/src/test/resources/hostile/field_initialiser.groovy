// effect: file
// refuses: java.io.File
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
import groovy.transform.Field
@Field def x = new File('@MARKER@').createNewFile()
def attack() { x }
