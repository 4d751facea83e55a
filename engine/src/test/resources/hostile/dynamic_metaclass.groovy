// effect: file
// refuses: java.lang.String.metaClass
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { def k = 'meta' + 'Class'; def mc = String."$k"; mc.pwn = { -> def m = 'exe' + 'cute'; ['touch', delegate]."$m"().waitFor() }; '@MARKER@'.pwn() }
