// effect: provider
// refuses: provider
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { def n = 'pro' + 'vider'; def p = java.security.MessageDigest.getInstance('SHA-256')."$n"; p['Hearth.Marker'] = '@MARKER@'; 1 }
