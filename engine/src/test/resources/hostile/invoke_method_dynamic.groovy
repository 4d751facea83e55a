// effect: file
// refuses: invokeMethod
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { def n = 'invoke' + 'Method'; ['touch', '@MARKER@']."$n"('execute', null).waitFor() }
