package hearth.server;

import hearth.HearthProperties;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The Servers (shards) Locations can live on. In the default single-process mode this process
 * is the only one; the multi-server topology adds the others from configuration.
 */
@Component
public class ServerDirectory {
    private final String localName;

    public ServerDirectory(HearthProperties properties) {
        this.localName = properties.serverName() == null || properties.serverName().isBlank()
                ? "local" : properties.serverName();
    }

    public String localServerName() {
        return localName;
    }

    public boolean exists(String name) {
        return localName.equals(name);
    }

    public List<String> names() {
        return List.of(localName);
    }
}
