// effect: file
// refuses: metaClass
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { def n = 'meta' + 'Class'; String."$n".with { pwn = { -> def m = 'exe' + 'cute'; ['touch', delegate]."$m"().waitFor() } }; '@MARKER@'.pwn() }
