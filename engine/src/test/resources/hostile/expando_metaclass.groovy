// effect: file
// refuses: groovy.lang.ExpandoMetaClass
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { def emc = new ExpandoMetaClass(String, false); emc.pwn = { -> ['touch', delegate].execute().waitFor() }; emc.initialize(); GroovySystem.metaClassRegistry.setMetaClass(String, emc); '@MARKER@'.pwn() }
