package hearth.cluster;

import hearth.web.ApiError;
import hearth.web.ApiException;
import hearth.web.ServerUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * JSON over HTTP between Hearth's own processes, authenticated with the cluster secret. A
 * Server that does not answer becomes {@link ServerUnavailableException}; a refusal it explains
 * (4xx with error_description) reaches the caller as the same {@link ApiException}.
 */
@Component
public class ClusterClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final ClusterCredentials credentials;
    private final JsonMapper json;

    public ClusterClient(ClusterCredentials credentials, JsonMapper json) {
        this.credentials = credentials;
        this.json = json;
    }

    /**
     * Made on the first call, not with the bean: building a JDK HttpClient (the default SSL context, a
     * selector thread) took 0.17-0.56 s of every start (bench/README.md, "Start-up: what costs what"),
     * and a single-node server never calls another. The class is initialised once, by the JVM.
     */
    private static final class Client {
        static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A call to a Server; {@code server} names it in errors. */
    public <T> T call(String server, String baseUrl, String method, String path, Object body, TypeReference<T> type) {
        HttpResponse<String> response = send(server, baseUrl, method, path, body);
        return type == null || response.body().isEmpty() ? null : json.readValue(response.body(), type);
    }

    /** Like {@link #call}, but a 404 is an empty answer rather than an error. */
    public <T> Optional<T> find(String server, String baseUrl, String path, TypeReference<T> type) {
        try {
            return Optional.ofNullable(call(server, baseUrl, "GET", path, null, type));
        } catch (ApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private HttpResponse<String> send(String server, String baseUrl, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", credentials.authorizationHeader())
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = Client.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServerUnavailableException(server, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnavailableException(server, "interrupted");
        }
        int status = response.statusCode();
        if (status >= 500) {
            throw new ServerUnavailableException(server, "it answered " + status);
        }
        if (status >= 400) {
            throw refusal(status, response.body());
        }
        return response;
    }

    private ApiException refusal(int status, String body) {
        String error = "invalid_request";
        String description = "refused with status " + status;
        try {
            JsonNode node = json.readTree(body);
            if (node.hasNonNull("error_description")) {
                description = node.get("error_description").asText();
            }
            if (node.hasNonNull("error") && node.get("error").isTextual()) {
                error = node.get("error").asText();
            }
        } catch (RuntimeException notJson) {
            // keep the generic description
        }
        return new ApiException(ApiError.of(status, error), description);
    }
}
