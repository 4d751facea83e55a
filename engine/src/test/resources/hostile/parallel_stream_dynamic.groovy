// effect: file
// refuses: parallelStream
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { def n = 'parallel' + 'Stream'; [1, 2]."$n"().forEach { x -> def m = 'exe' + 'cute'; ['touch', '@MARKER@']."$m"().waitFor() } }
