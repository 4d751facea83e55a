// effect: file
// refuses: groovy.lang.GroovyShell
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { new GroovyShell().evaluate("new File('@MARKER@').text = 'x'") }
