package hearth.device;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The version of what a Location's Installations see of its devices ({@code location.devices_version}):
 * every write to a device, its attributes or an Installation's choices adds one to it, in the write's
 * transaction and before the write. A node that caches an Installation's devices read at some version
 * (issue 15) reads the version with the call's first statement and reads the devices again when it moved;
 * because the version and the write commit together, a copy read after seeing a version is at least that
 * new. The version is taken first so that writes to one Location lock in one order (no deadlock between
 * two reports of the same device).
 */
public final class DevicesVersion {
    private static final String BUMP = "UPDATE location SET devices_version = devices_version + 1 WHERE id = ";
    /** Of the device's Location. */
    public static final String OF_DEVICE = BUMP + "(SELECT location_id FROM device WHERE id = ?)";
    /** Of this Location. */
    public static final String OF_LOCATION = BUMP + "?";
    /** Of the Installation's Location. */
    public static final String OF_INSTALLATION = BUMP + "(SELECT location_id FROM installation WHERE id = ?)";

    private DevicesVersion() {
    }

    /**
     * Adds one to the version {@code statement} ({@link #OF_DEVICE}, {@link #OF_LOCATION} or
     * {@link #OF_INSTALLATION}) names by {@code id}; a write outside a transaction could be seen
     * before its version, so it is refused.
     */
    public static void bump(JdbcClient jdbc, String statement, String id) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a write to devices must run in a transaction, with its devices version");
        }
        jdbc.sql(statement).param(id).update();
    }
}
