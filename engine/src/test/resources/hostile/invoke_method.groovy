// effect: file
// refuses: invokeMethod
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { this.invokeMethod('evaluate', "new File('@MARKER@').text = 'x'") }
