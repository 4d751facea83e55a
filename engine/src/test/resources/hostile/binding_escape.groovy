// effect: file
// refuses: binding
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { binding.setVariable('x', 1); new File('@MARKER@').text = 'x' }
