// effect: file
// refuses: execute
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { def n = 'exe' + 'cute'; { a -> a."$n"().waitFor() }.curry(['touch', '@MARKER@'])() }
