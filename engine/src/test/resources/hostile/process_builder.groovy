// effect: file
// refuses: java.lang.ProcessBuilder
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { new ProcessBuilder('touch', '@MARKER@').start().waitFor() }
