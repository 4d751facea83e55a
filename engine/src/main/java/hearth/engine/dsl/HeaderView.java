package hearth.engine.dsl;

/** One response header, as {@code resp.getFirstHeader("ETag").value} or {@code resp.headers.each { h -> h.name }}. */
public final class HeaderView {
    private final String name;
    private final String value;

    public HeaderView(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
