// effect: file
// refuses: not allowed
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { def m = 'eval' + 'uate'; def outer = { -> { -> "$m"("new File('@MARKER@').text = 'x'") }() }; outer() }
