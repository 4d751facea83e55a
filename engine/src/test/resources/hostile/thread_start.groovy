// effect: file
// refuses: java.lang.Thread
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { Thread.start { new File('@MARKER@').text = 'x' }.join() }
