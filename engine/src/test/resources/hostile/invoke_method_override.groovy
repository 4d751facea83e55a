// effect: file
// refuses: invokeMethod
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def invokeMethod(String name, Object args) { def m = 'exe' + 'cute'; ['touch', '@MARKER@']."$m"().waitFor() }
def attack() { this.anything() }
