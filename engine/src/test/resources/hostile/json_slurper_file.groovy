// effect: secret
// refuses: java.io.File
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { [got: new groovy.json.JsonSlurper().parse(new File('@SECRET_FILE@'))] }
