// effect: file
// refuses: execute
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def m = 'exe' + 'cute'
['touch', '@MARKER@']."$m"().waitFor()
def attack() { 1 }
