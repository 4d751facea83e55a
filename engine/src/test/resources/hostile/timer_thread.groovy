// effect: file
// refuses: java.util.Timer
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { new java.util.Timer().schedule({ new File('@MARKER@').text = 'x' } as TimerTask, 0); Thread.sleep(500) }
