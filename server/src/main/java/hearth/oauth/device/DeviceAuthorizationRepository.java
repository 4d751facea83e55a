package hearth.oauth.device;

import hearth.smartapp.SmartAppDeleted;
import hearth.support.Times;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

@Repository
public class DeviceAuthorizationRepository {
    private static final String INSERT = "INSERT INTO device_authorization (device_code_hash, user_code, smartapp_id, "
            + "scope, status, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String BY_HASH = "SELECT * FROM device_authorization WHERE device_code_hash = ?";
    private static final String BY_USER_CODE = "SELECT * FROM device_authorization WHERE user_code = ?";
    private static final String DECIDE = "UPDATE device_authorization SET status = ?, grant_id = ? "
            + "WHERE device_code_hash = ? AND status = 'pending'";
    private static final String CONSUME = "UPDATE device_authorization SET status = 'consumed' "
            + "WHERE device_code_hash = ? AND status = 'approved'";
    private static final String POLLED = "UPDATE device_authorization SET last_polled_at = ? WHERE device_code_hash = ?";
    private static final String SLOWER = "UPDATE device_authorization SET interval_seconds = interval_seconds + ? "
            + "WHERE device_code_hash = ?";
    private static final String DELETE_SMARTAPP = "DELETE FROM device_authorization WHERE smartapp_id = ?";

    private static final RowMapper<DeviceAuthorization> ROW = (rs, n) -> new DeviceAuthorization(
            rs.getString("device_code_hash"), rs.getString("user_code"), rs.getString("smartapp_id"),
            rs.getString("scope"), DeviceAuthorization.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
            rs.getString("grant_id"), Times.instant(rs, "created_at"), Times.instant(rs, "expires_at"),
            Times.instant(rs, "last_polled_at"), rs.getInt("interval_seconds"));

    private final JdbcClient jdbc;

    public DeviceAuthorizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The SmartApp is being deleted: its device codes, pending or not, go in the same transaction. */
    @EventListener
    public void on(SmartAppDeleted event) {
        jdbc.sql(DELETE_SMARTAPP).param(event.app().id()).update();
    }

    public void insert(DeviceAuthorization d) {
        jdbc.sql(INSERT).params(d.deviceCodeHash(), d.userCode(), d.smartAppId(), d.scope(),
                d.status().name().toLowerCase(Locale.ROOT), Times.db(d.createdAt()), Times.db(d.expiresAt())).update();
    }

    public Optional<DeviceAuthorization> findByHash(String hash) {
        return jdbc.sql(BY_HASH).param(hash).query(ROW).optional();
    }

    public Optional<DeviceAuthorization> findByUserCode(String userCode) {
        return jdbc.sql(BY_USER_CODE).param(userCode).query(ROW).optional();
    }

    /** Approves (with the grant) or denies a pending authorization; false when it was no longer pending. */
    public boolean decide(String hash, DeviceAuthorization.Status status, String grantId) {
        return jdbc.sql(DECIDE).params(status.name().toLowerCase(Locale.ROOT), grantId, hash).update() == 1;
    }

    /** Tokens are issued once per approval: only one poll can flip approved to consumed. */
    public boolean consume(String hash) {
        return jdbc.sql(CONSUME).param(hash).update() == 1;
    }

    public void polled(String hash, Instant when) {
        jdbc.sql(POLLED).params(Times.db(when), hash).update();
    }

    public void slower(String hash, int bySeconds) {
        jdbc.sql(SLOWER).params(bySeconds, hash).update();
    }
}
