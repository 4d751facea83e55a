// effect: file
// refuses: propertyMissing
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def propertyMissing(String name) { def m = 'exe' + 'cute'; ['touch', '@MARKER@']."$m"().waitFor() }
def attack() { somethingUndefined }
