package hearth.server;

import hearth.HearthProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.net.URI;
import java.util.Locale;

/**
 * This Server's public base URL, canonical: no default port, no trailing slash. It comes from
 * {@code hearth.public-url} when set; otherwise from the request, whose scheme, host and port
 * Tomcat has already taken from the X-Forwarded-* headers of trusted proxies only. Never an
 * internal host name that the client did not use.
 */
@Component
public class PublicUrls {
    private final String configured;
    private final ApplicationContext context;

    public PublicUrls(HearthProperties properties, ApplicationContext context) {
        this.configured = properties.publicUrl() == null || properties.publicUrl().isBlank()
                ? null : canonical(URI.create(properties.publicUrl().trim()));
        this.context = context;
    }

    public String baseUrl(HttpServletRequest request) {
        if (configured != null) {
            return configured;
        }
        return canonical(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    /** The base URL for work done outside a request (lifecycle calls, the demo). */
    public String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return baseUrl(attributes.getRequest());
        }
        if (configured != null) {
            return configured;
        }
        int port = context instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? web.getWebServer().getPort() : 8080;
        return canonical("http", "localhost", port);
    }

    public static String canonical(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return canonical(uri.getScheme(), uri.getHost(), uri.getPort()) + path;
    }

    static String canonical(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host.toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || (s.equals("https") && port == 443) || (s.equals("http") && port == 80);
        return s + "://" + h + (defaultPort ? "" : ":" + port);
    }
}
