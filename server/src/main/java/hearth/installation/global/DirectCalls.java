package hearth.installation.global;

import hearth.installation.Installation;

import java.util.List;

/**
 * One call of an Installation's own API that Hearth makes itself on behalf of someone already
 * checked (the developer console's test call of the developer's own Installation), answered as
 * its API would answer it over HTTP. The installation API implements it ({@code hearth.api}).
 */
public interface DirectCalls {
    /** The methods a SmartApp's mappings answer. */
    List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE");

    record Header(String name, String value) {
    }

    /** The status, the headers and the body (null for none) the API's answer would carry. */
    record Answer(int status, List<Header> headers, String body) {
    }

    /**
     * @param target what follows the Installation's uri, a query string may follow {@code ?}
     * @throws hearth.web.ApiException 400 for a method the API has no use for or a path without {@code /}
     */
    Answer call(Installation installation, String method, String target, String body, String baseUrl);
}
