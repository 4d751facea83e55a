// effect: file
// refuses: parallelStream
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { [1, 2].parallelStream().forEach { x -> def m = 'exe' + 'cute'; ['touch', '@MARKER@']."$m"().waitFor() } }
