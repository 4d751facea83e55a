// effect: env
// refuses: java.lang.System
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { [path: System.getenv('PATH')] }
