package hearth.hub;

import hearth.HearthProperties;
import hearth.support.Seal;
import hearth.support.Secrets;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Broker passwords, kept to reconnect with: sealed with AES-256-GCM ({@link Seal}) under the
 * server's hub key, the hub's id as associated data. The key is {@code hearth.hubs.key}, or a
 * random one made once in {@code data-dir/hub.key} (readable by its owner only); the database
 * and its backups alone don't open the seals.
 */
@Component
class HubSecrets {
    private static final String CONTEXT = "hearth.hub-password";

    private final HearthProperties properties;
    private volatile String key;

    HubSecrets(HearthProperties properties) {
        this.properties = properties;
    }

    String seal(String hubId, String password) {
        return Seal.seal(CONTEXT, key(), hubId, password);
    }

    /** The hub's password, or empty when it has none or its seal doesn't open (another key). */
    Optional<String> password(Hub hub) {
        return hub.sealedPassword() == null ? Optional.empty()
                : Seal.open(CONTEXT, key(), hub.id(), hub.sealedPassword());
    }

    private String key() {
        String k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = properties.hubs().key().isBlank() ? fileKey() : properties.hubs().key();
                }
                k = key;
            }
        }
        return k;
    }

    private String fileKey() {
        Path file = Path.of(properties.dataDir() == null ? "./data" : properties.dataDir(), "hub.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Secrets.newSecret(), StandardCharsets.US_ASCII);
                } catch (UnsupportedOperationException notPosix) {
                    Files.writeString(file, Secrets.newSecret(), StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException another) {
                    // another thread or node made it first: use theirs
                }
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (text.isEmpty()) {
                throw new IllegalStateException(file + " is empty: delete it (hub passwords must then be entered "
                        + "again) or set hearth.hubs.key");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("can't read or make the hub key " + file, e);
        }
    }
}
