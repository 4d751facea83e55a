package hearth.audit;

import hearth.support.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The audit log of security events (sign-ins, consents, tokens, revocations, secret rotations),
 * queryable by the account each event concerns. Written in the caller's transaction, so an
 * event is recorded exactly when what it describes happened.
 */
@Repository
public class AuditLog {
    private static final String INSERT = "INSERT INTO audit_event (id, account_id, type, detail, remote, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)";
    private static final String BY_ACCOUNT = "SELECT * FROM audit_event WHERE account_id = ? "
            + "ORDER BY created_at DESC, id DESC FETCH FIRST ? ROWS ONLY";

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String accountId, AuditEvent.Type type, String detail) {
        String remote = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest().getRemoteAddr() : null;
        String text = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
        jdbc.sql(INSERT).params(UUID.randomUUID().toString(), accountId, type.name(), text, remote,
                Times.db(clock.instant())).update();
    }

    public List<AuditEvent> forAccount(String accountId, int max) {
        return jdbc.sql(BY_ACCOUNT).params(accountId, max).query((rs, n) -> new AuditEvent(rs.getString("id"),
                rs.getString("account_id"), AuditEvent.Type.valueOf(rs.getString("type")), rs.getString("detail"),
                rs.getString("remote"), Times.instant(rs, "created_at"))).list();
    }
}
