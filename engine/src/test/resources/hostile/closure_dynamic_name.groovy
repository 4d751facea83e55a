// effect: file
// refuses: execute
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { def m = 'exe' + 'cute'; ['touch', '@MARKER@'].with { "$m"().waitFor() } }
