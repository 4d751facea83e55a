package hearth.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * This process among the nodes of one Server, for the leases they take in the shared database
 * (scheduled jobs, the event outbox): {@code host:port/random}. The host and port say where a
 * claim came from; the random part is new at every start, so a restarted node never mistakes its
 * previous life's claims for its own, and can hand them back at once ({@link #previousLives()}).
 */
@Component
public class NodeIdentity {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String place;
    private final String name;

    @Autowired
    public NodeIdentity(@Value("${server.port:8080}") int port) {
        this(host() + ":" + port);
    }

    private NodeIdentity(String place) {
        byte[] life = new byte[6];
        RANDOM.nextBytes(life);
        this.place = place;
        this.name = place + "/" + HexFormat.of().formatHex(life);
    }

    /** A node standing for another (tests: two nodes in one JVM). */
    public static NodeIdentity named(String place) {
        return new NodeIdentity(place);
    }

    public String name() {
        return name;
    }

    /** A LIKE pattern for claims made by earlier processes at this host and port (this one's included). */
    public String previousLives() {
        return place.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
    }

    private static String host() {
        try {
            String host = InetAddress.getLocalHost().getHostName();
            return host.length() > 60 ? host.substring(0, 60) : host;
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
