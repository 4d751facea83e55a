package hearth.support;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.Optional;

/**
 * Leases in a table of the shared database, by which one node of a Server at a time owns a piece
 * of work (an Installation's outbox, a hub's MQTT connection): a row per key with
 * {@code claimed_by} (a {@link NodeIdentity} name) and {@code lease_until}. A lease is free when no
 * row holds it or its holder's time ran out; its holder renews it well before then, and a node
 * that dies leaves it to run out, after which any node takes it. A restarted node hands its
 * earlier lives' leases back at once ({@link #release}).
 *
 * <p>The table and key column are constants of the callers, never input.
 */
public final class Leases {
    private final JdbcClient jdbc;
    private final String take;
    private final String takeNew;
    private final String renew;
    private final String letGo;
    private final String release;
    private final String holder;

    public Leases(JdbcClient jdbc, String table, String keyColumn) {
        this.jdbc = jdbc;
        this.take = "UPDATE " + table + " SET claimed_by = ?, lease_until = ? WHERE " + keyColumn
                + " = ? AND lease_until < ?";
        this.takeNew = "INSERT INTO " + table + " (" + keyColumn + ", claimed_by, lease_until) VALUES (?, ?, ?)";
        this.renew = "UPDATE " + table + " SET lease_until = ? WHERE " + keyColumn + " = ? AND claimed_by = ?";
        this.letGo = "DELETE FROM " + table + " WHERE " + keyColumn + " = ? AND claimed_by = ?";
        this.release = "DELETE FROM " + table + " WHERE claimed_by LIKE ?";
        this.holder = "SELECT claimed_by FROM " + table + " WHERE " + keyColumn + " = ? AND lease_until >= ?";
    }

    /** Takes the lease for {@code claim} when free at {@code now}; true when this claim now holds it. */
    public boolean take(String key, String claim, Instant now, Instant until) {
        if (jdbc.sql(take).params(claim, Times.db(until), key, Times.db(now)).update() == 1) {
            return true;
        }
        try {
            return jdbc.sql(takeNew).params(key, claim, Times.db(until)).update() == 1;
        } catch (DuplicateKeyException held) {
            return false;
        } catch (org.springframework.dao.DataIntegrityViolationException gone) {
            // The key's own row went (a foreign key): there is nothing left to hold.
            return false;
        }
    }

    /** Extends a lease still held by {@code claim}; false when it was taken over. */
    public boolean renew(String key, String claim, Instant until) {
        return jdbc.sql(renew).params(Times.db(until), key, claim).update() == 1;
    }

    /** Gives the lease up. */
    public void letGo(String key, String claim) {
        jdbc.sql(letGo).params(key, claim).update();
    }

    /** Frees the leases matching a LIKE pattern (a restarted node's earlier lives); answers how many. */
    public int release(String claimedByLike) {
        return jdbc.sql(release).param(claimedByLike).update();
    }

    /** Who holds the lease at {@code now}, if anyone. */
    public Optional<String> holder(String key, Instant now) {
        return jdbc.sql(holder).params(key, Times.db(now)).query(String.class).optional();
    }
}
