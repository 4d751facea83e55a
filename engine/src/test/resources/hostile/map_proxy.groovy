// effect: file
// refuses: java.lang.Runnable
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { def r = [run: { new File('@MARKER@').text = 'x' }] as Runnable; r.run() }
