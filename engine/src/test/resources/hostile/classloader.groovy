// effect: file
// refuses: class
definition(name: "Hostile", namespace: "test")
mappings { path("/attack") { action: [GET: "attack"] } }
def attack() { this.class.classLoader.parseClass("new File('@MARKER@').text = 'x'").newInstance().run() }
