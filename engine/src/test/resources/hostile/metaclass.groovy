// effect: file
// refuses: metaClass
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { String.metaClass.pwn = { -> new File(delegate).text = 'x' }; '@MARKER@'.pwn() }
