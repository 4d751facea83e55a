package hearth.engine.dsl;

import hearth.engine.sandbox.SmartAppApi;
/** One response header, as {@code resp.getFirstHeader("ETag").value} or {@code resp.headers.each { h -> h.name }}. */
@SmartAppApi
public final class HeaderView {
    private final String name;
    private final String value;

    public HeaderView(String name, String value) {
        this.name = name;
        this.value = value;
    }

    @SmartAppApi
    public String getName() {
        return name;
    }

    @SmartAppApi
    public String getValue() {
        return value;
    }

    @SmartAppApi
    @Override
    public String toString() {
        return name + ": " + value;
    }
}
