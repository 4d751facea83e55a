// effect: file
// refuses: groovy.lang.GroovyClassLoader
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { new GroovyClassLoader().parseClass("class X { static { new File('@MARKER@').text = 'x' } }").newInstance() }
