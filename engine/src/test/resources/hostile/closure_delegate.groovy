// effect: file
// refuses: not allowed
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { def c = { -> execute() }; c.resolveStrategy = Closure.DELEGATE_FIRST; c.delegate = ['touch', '@MARKER@']; c().waitFor() }
