/**
 *  Notes Board: a small CRUD store in state, with validation and paging.
 */
definition(name: "Notes Board", namespace: "hearth.examples", author: "Hearth",
    description: "Family notes", category: "Family", iconUrl: "", oauth: true)

mappings {
    path("/notes") { action: [GET: "list", POST: "create"] }
    path("/notes/:id") { action: [GET: "show", PUT: "update", DELETE: "remove"] }
}

private notes() {
    if (state.notes == null) {
        state.notes = []
    }
    state.notes
}

private note(id) {
    notes().find { it.id == id } ?: httpError(404, "note ${id} not found")
}

def list() {
    int page = (params.page ?: "1") as int
    int size = Math.max(1, Math.min(50, (params.size ?: "10") as int))
    def all = notes().sort { a, b -> b.created <=> a.created ?: a.id <=> b.id }
    def slice = all.drop((page - 1) * size).take(size)
    [page: page, total: all.size(), notes: slice]
}

def create() {
    def json = request.JSON
    def text = json?.text?.toString()?.trim()
    if (!text) {
        httpError(422, "text is required")
    }
    if (text.size() > 200) {
        httpError(422, "text is limited to 200 characters")
    }
    state.nextId = (state.nextId ?: 0) + 1
    def n = [id: "n${state.nextId}", text: text, tags: (json.tags ?: []).collect { it.toString().toLowerCase() },
             created: state.nextId]
    notes() << n
    n
}

def show() {
    note(params.id)
}

def update() {
    def n = note(params.id)
    def json = request.JSON ?: [:]
    if (json.text) {
        n.text = json.text
    }
    if (json.tags instanceof List) {
        n.tags = json.tags
    }
}

def remove() {
    def n = note(params.id)
    notes().remove(n)
}
