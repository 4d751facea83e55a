// effect: file
// refuses: rehydrate
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { def c = { -> execute().waitFor() }; def n = 're' + 'hydrate'; def l = ['touch', '@MARKER@']; c."$n"(l, l, l).call() }
