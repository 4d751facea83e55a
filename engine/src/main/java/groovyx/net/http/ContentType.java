package groovyx.net.http;

import hearth.engine.sandbox.SmartAppApi;
/**
 * HTTPBuilder's content types, which classic apps pass as {@code contentType: ContentType.JSON};
 * Hearth reads them by their text ({@link #toString()}).
 */
@SmartAppApi
public enum ContentType {
    ANY("*/*"), TEXT("text/plain"), JSON("application/json"), XML("application/xml"), HTML("text/html"),
    URLENC("application/x-www-form-urlencoded"), BINARY("application/octet-stream");

    private final String mime;

    ContentType(String mime) {
        this.mime = mime;
    }

    @Override
    public String toString() {
        return mime;
    }
}
