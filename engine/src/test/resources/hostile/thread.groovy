// effect: file
// refuses: java.lang.Thread
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { def t = new Thread({ ['touch', '@MARKER@'].execute().waitFor() } as Runnable); t.start(); t.join() }
