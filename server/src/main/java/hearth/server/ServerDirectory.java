package hearth.server;

import hearth.HearthProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Servers (shards) Locations can live on: this process's own, when it hosts one, and the
 * others named in {@code hearth.servers} with their public base URLs.
 */
@Component
public class ServerDirectory {
    private final String localName;
    private final boolean hostsShard;
    private final Map<String, String> remote;
    private final PublicUrls urls;

    public ServerDirectory(HearthProperties properties, PublicUrls urls) {
        this.localName = properties.serverName() == null || properties.serverName().isBlank()
                ? "local" : properties.serverName();
        this.hostsShard = properties.role().shard();
        Map<String, String> others = new TreeMap<>(properties.servers());
        others.remove(localName);
        others.replaceAll((name, url) -> PublicUrls.canonical(java.net.URI.create(url.trim())));
        this.remote = Map.copyOf(others);
        this.urls = urls;
    }

    public String localServerName() {
        return localName;
    }

    /** Where a new Location goes when none is named: this process's Server, else the first one known. */
    public String defaultServer() {
        return hostsShard || remote.isEmpty() ? localName : new TreeMap<>(remote).firstKey();
    }

    public boolean isLocal(String name) {
        return hostsShard && localName.equals(name);
    }

    public boolean exists(String name) {
        return isLocal(name) || remote.containsKey(name);
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        if (hostsShard) {
            names.add(localName);
        }
        names.addAll(new TreeMap<>(remote).keySet());
        return names;
    }

    /** The public base URL of a remote Server, as configured. */
    public Optional<String> remoteUrl(String name) {
        return Optional.ofNullable(remote.get(name));
    }

    /** The public base URL clients use for a Server: this one's from the request, others' from configuration. */
    public String baseUrl(String name, HttpServletRequest request) {
        return isLocal(name) ? urls.baseUrl(request) : remoteUrl(name).orElseGet(() -> urls.baseUrl(request));
    }
}
