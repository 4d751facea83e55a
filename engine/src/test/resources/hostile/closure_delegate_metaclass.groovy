// effect: file
// refuses: metaClass
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { def n = 'meta' + 'Class'; def c = { -> pwn = { -> def m = 'exe' + 'cute'; ['touch', delegate]."$m"().waitFor() } }; c.delegate = String."$n"; c.resolveStrategy = Closure.DELEGATE_ONLY; c(); '@MARKER@'.pwn() }
