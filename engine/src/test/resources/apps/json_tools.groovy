/**
 *  JSON Tools: parses bodies by hand and answers with pre-serialised JSON, as some old apps did.
 */
import groovy.json.JsonBuilder
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

definition(name: "JSON Tools", namespace: "hearth.examples", author: "Hearth",
    description: "Hand-made JSON", category: "My Apps", iconUrl: "", oauth: true)

mappings {
    path("/echo") { action: [POST: "echo"] }
    path("/built") { action: [GET: "built"] }
    path("/pretty") { action: [GET: "pretty"] }
    path("/xml") { action: [POST: "xml"] }
}

def echo() {
    def parsed = new JsonSlurper().parseText(request.body ?: "{}")
    def keys = parsed.keySet().sort()
    render contentType: "application/json", data: JsonOutput.toJson([keys: keys, count: keys.size()]), status: 200
}

def built() {
    def builder = new JsonBuilder()
    builder(name: "hearth", tags: ["a", "b"], nested: [deep: true])
    render contentType: "application/json", data: builder.toString()
}

def pretty() {
    render contentType: "text/plain", data: JsonOutput.prettyPrint(JsonOutput.toJson([a: 1]))
}

def xml() {
    def doc = request.XML
    if (doc == null) {
        httpError(400, "send XML")
    }
    [root: doc.name(), items: doc.item.collect { it.text() }, first: doc.item[0].text()]
}
