// effect: env
// refuses: not allowed
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { def p = 'x'.properties; [path: p['class'].forName('java.lang.System').getenv('PATH')] }
