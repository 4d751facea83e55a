package hearth.cluster;

import hearth.applog.AppLogs;
import hearth.device.LocalDevices;
import hearth.hub.LocalHubs;
import hearth.installation.LocalInstallations;
import hearth.installation.LocalLocations;
import hearth.installation.LocalRoutines;
import hearth.server.ServerDirectory;
import hearth.web.ApiException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every Server of the topology, by name: this process's own, and the others over HTTP. */
@Component
public class Shards {
    private final ServerDirectory directory;
    private final LocalShard local;
    private final ClusterClient client;
    private final Map<String, RemoteShard> remote = new ConcurrentHashMap<>();

    public Shards(ServerDirectory directory, LocalDevices devices, LocalInstallations installations,
                  LocalLocations locations, LocalHubs hubs, AppLogs appLogs, LocalRoutines routines,
                  ClusterClient client) {
        this.directory = directory;
        this.local = new LocalShard(directory.localServerName(), devices, installations, locations, hubs, appLogs,
                routines);
        this.client = client;
    }

    public Shard of(String server) {
        if (directory.isLocal(server)) {
            return local;
        }
        String url = directory.remoteUrl(server).orElseThrow(() -> ApiException.badRequest("no Server named '"
                + server + "'; known Servers: " + directory.names()));
        return remote.computeIfAbsent(server, name -> new RemoteShard(name, url, client));
    }

    public List<Shard> all() {
        List<Shard> all = new ArrayList<>();
        for (String name : directory.names()) {
            all.add(of(name));
        }
        return all;
    }
}
