// effect: provider
// refuses: getProvider
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { def p = java.security.MessageDigest.getInstance('SHA-256').getProvider(); p.put('Hearth.Marker', '@MARKER@'); p.size() }
