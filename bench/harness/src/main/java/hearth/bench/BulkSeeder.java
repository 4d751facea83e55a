package hearth.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Growth data straight into the database (Hearth stopped for H2, whose file only one process may
 * open): the same rows the HTTP flow writes, copied from a template that flow wrote (so enum
 * spellings, the password hash, the SmartApp's settings are Hearth's own), and tokens, codes and
 * client secrets as SHA-256 hex of random 256-bit strings, as Hearth stores them.
 */
final class BulkSeeder implements AutoCloseable {
    private static final int BATCH = 2000;
    private static final SecureRandom RANDOM = new SecureRandom();

    enum Kind { CODE, ACCESS, REFRESH }

    /** What the HTTP flow wrote, to copy. */
    record Template(String smartAppId, String passwordHash, String deviceName, String typeName, String capabilities,
                    String attributeName, String valueType, String installationLabel, String settings,
                    String inputName, String grantOrigin, String scope, String accessKind, String refreshKind) {
    }

    record Inst(String id, String accountId) {
    }

    /** A token (or code) in clear text, and the Installation it reaches. */
    record Issued(String token, String installationId) {
    }

    private final Connection db;
    private final Random shuffle = new Random(42);

    BulkSeeder(String url, String user, String password) throws SQLException {
        this.db = DriverManager.getConnection(url, user, password);
        db.setAutoCommit(false);
    }

    Template template(String clientId) throws SQLException {
        try (Statement s = db.createStatement()) {
            String appId = one(s, "SELECT id FROM smartapp WHERE client_id = '" + clientId + "'");
            String instId = one(s, "SELECT id FROM installation WHERE smartapp_id = '" + appId + "' ORDER BY created_at");
            String accountId = one(s, "SELECT account_id FROM installation WHERE id = '" + instId + "'");
            String deviceId = one(s, "SELECT device_id FROM installation_device WHERE installation_id = '" + instId + "'");
            try (ResultSet d = s.executeQuery("SELECT d.name, d.type_name, d.capabilities, a.name AS an, a.value_type "
                    + "FROM device d JOIN device_attribute a ON a.device_id = d.id WHERE d.id = '" + deviceId + "'")) {
                d.next();
                String name = d.getString(1);
                String type = d.getString(2);
                String caps = d.getString(3);
                String attr = d.getString(4);
                String valueType = d.getString(5);
                return new Template(appId, one(s, "SELECT password_hash FROM account WHERE id = '" + accountId + "'"),
                        name, type, caps, attr, valueType,
                        one(s, "SELECT label FROM installation WHERE id = '" + instId + "'"),
                        one(s, "SELECT settings FROM installation WHERE id = '" + instId + "'"),
                        one(s, "SELECT input_name FROM installation_device WHERE installation_id = '" + instId + "'"),
                        one(s, "SELECT origin FROM oauth_grant WHERE installation_id = '" + instId + "'"),
                        one(s, "SELECT scope FROM oauth_grant WHERE installation_id = '" + instId + "'"),
                        one(s, "SELECT kind FROM oauth_token WHERE installation_id = '" + instId
                                + "' AND LOWER(kind) LIKE 'a%'"),
                        one(s, "SELECT kind FROM oauth_token WHERE installation_id = '" + instId
                                + "' AND LOWER(kind) LIKE 'r%'"));
            }
        }
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row for " + sql);
            }
            return rs.getString(1);
        }
    }

    long count(String table) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<Inst> installations(String smartAppId) throws SQLException {
        List<Inst> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT id, account_id FROM installation WHERE smartapp_id = ?")) {
            p.setString(1, smartAppId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Inst(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    /**
     * {@code count} more Installations, each with its own Account, Location, ten switches and a
     * consent grant holding an access and a refresh token, as the flow makes them. Answers their
     * access tokens.
     */
    List<Issued> addInstallations(Template t, int count, String tag, int devicesPerLocation) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Issued> access = new ArrayList<>(count);
        long nextAnalyze = 1000;
        try (PreparedStatement account = db.prepareStatement(
                "INSERT INTO account (id, username, password_hash, created_at) VALUES (?, ?, ?, ?)");
             PreparedStatement location = db.prepareStatement("INSERT INTO location (id, owner_id, name, time_zone, "
                     + "server_name, mode, created_at) VALUES (?, ?, ?, 'UTC', 'local', 'Home', ?)");
             PreparedStatement device = db.prepareStatement("INSERT INTO device (id, location_id, label, name, "
                     + "type_name, capabilities, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement attribute = db.prepareStatement("INSERT INTO device_attribute (device_id, name, "
                     + "attr_value, value_type, unit, updated_at) VALUES (?, ?, ?, ?, NULL, ?)");
             PreparedStatement installation = db.prepareStatement("INSERT INTO installation (id, smartapp_id, "
                     + "location_id, account_id, label, settings, state, created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)");
             PreparedStatement chosen = db.prepareStatement("INSERT INTO installation_device (installation_id, "
                     + "input_name, device_id, position) VALUES (?, ?, ?, ?)");
             Grants grants = new Grants(db, t)) {
            for (int i = 0; i < count; i++) {
                String accountId = UUID.randomUUID().toString();
                String locationId = UUID.randomUUID().toString();
                String instId = UUID.randomUUID().toString();
                account.setString(1, accountId);
                account.setString(2, "bulk-" + tag + "-" + i);
                account.setString(3, t.passwordHash());
                account.setObject(4, now);
                account.addBatch();
                location.setString(1, locationId);
                location.setString(2, accountId);
                location.setString(3, "Home " + i);
                location.setObject(4, now);
                location.addBatch();
                installation.setString(1, instId);
                installation.setString(2, t.smartAppId());
                installation.setString(3, locationId);
                installation.setString(4, accountId);
                installation.setString(5, t.installationLabel());
                installation.setString(6, t.settings());
                installation.setObject(7, now);
                installation.addBatch();
                for (int d = 0; d < devicesPerLocation; d++) {
                    String deviceId = UUID.randomUUID().toString();
                    device.setString(1, deviceId);
                    device.setString(2, locationId);
                    device.setString(3, "Switch " + d);
                    device.setString(4, t.deviceName());
                    device.setString(5, t.typeName());
                    device.setString(6, t.capabilities());
                    device.setObject(7, now.plusNanos(d * 1000L));
                    device.addBatch();
                    attribute.setString(1, deviceId);
                    attribute.setString(2, t.attributeName());
                    attribute.setString(3, d % 2 == 0 ? "on" : "off");
                    attribute.setString(4, t.valueType());
                    attribute.setObject(5, now);
                    attribute.addBatch();
                    if (d < HearthSeeder.CHOSEN) {
                        chosen.setString(1, instId);
                        chosen.setString(2, t.inputName());
                        chosen.setString(3, deviceId);
                        chosen.setInt(4, d);
                        chosen.addBatch();
                    }
                }
                Inst inst = new Inst(instId, accountId);
                String grant = grants.grant(inst, now);
                access.add(new Issued(grants.token(inst, grant, Kind.ACCESS, now), instId));
                grants.token(inst, grant, Kind.REFRESH, now);
                if ((i + 1) % (BATCH / devicesPerLocation + 1) == 0 || i == count - 1) {
                    // parents before children, for the foreign keys
                    account.executeBatch();
                    location.executeBatch();
                    device.executeBatch();
                    attribute.executeBatch();
                    installation.executeBatch();
                    chosen.executeBatch();
                    grants.flush();
                    db.commit();
                    if (i + 1 >= nextAnalyze) {
                        // The foreign-key checks' plans were made when the tables were small (sequential
                        // scans); without fresh statistics each insert scanned location and device, and 100k
                        // Installations took over half an hour (600 devices/s, 2026-12-03). Each time the
                        // load doubles, new statistics make the plans index scans again.
                        analyze();
                        nextAnalyze *= 2;
                    }
                }
            }
        }
        return access;
    }

    /** {@code count} codes, access or refresh tokens, each of its own grant, on Installations picked at random. */
    List<Issued> issue(Template t, List<Inst> on, int count, Kind kind) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Issued> out = new ArrayList<>(count);
        try (Grants grants = new Grants(db, t)) {
            for (int i = 0; i < count; i++) {
                Inst inst = on.get(shuffle.nextInt(on.size()));
                String grant = grants.grant(inst, now);
                out.add(new Issued(grants.token(inst, grant, kind, now), inst.id()));
                if ((i + 1) % BATCH == 0 || i == count - 1) {
                    grants.flush();
                    db.commit();
                }
            }
        }
        return out;
    }

    void analyze() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("ANALYZE");
        }
        db.commit();
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Grants and their tokens or codes, batched. */
    private static final class Grants implements AutoCloseable {
        private final Template t;
        private final PreparedStatement grant;
        private final PreparedStatement token;
        private final PreparedStatement code;

        Grants(Connection db, Template t) throws SQLException {
            this.t = t;
            grant = db.prepareStatement("INSERT INTO oauth_grant (id, smartapp_id, installation_id, account_id, scope, "
                    + "origin, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)");
            token = db.prepareStatement("INSERT INTO oauth_token (token_hash, grant_id, kind, smartapp_id, "
                    + "installation_id, account_id, scope, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            code = db.prepareStatement("INSERT INTO authorization_code (code_hash, grant_id, redirect_uri, "
                    + "redirect_uri_given, code_challenge, code_challenge_method, created_at, expires_at, used_at) "
                    + "VALUES (?, ?, ?, TRUE, NULL, NULL, ?, ?, NULL)");
        }

        String grant(Inst inst, OffsetDateTime now) throws SQLException {
            String id = UUID.randomUUID().toString();
            grant.setString(1, id);
            grant.setString(2, t.smartAppId());
            grant.setString(3, inst.id());
            grant.setString(4, inst.accountId());
            grant.setString(5, t.scope());
            grant.setString(6, t.grantOrigin());
            grant.setObject(7, now);
            grant.addBatch();
            return id;
        }

        String token(Inst inst, String grantId, Kind kind, OffsetDateTime now) throws SQLException {
            String secret = newSecret();
            if (kind == Kind.CODE) {
                code.setString(1, sha256Hex(secret));
                code.setString(2, grantId);
                code.setString(3, HearthSeeder.REDIRECT_URI);
                code.setObject(4, now);
                // A day, not Hearth's ten minutes: the pool must outlive the restarts of a run.
                code.setObject(5, now.plusDays(1));
                code.addBatch();
                return secret;
            }
            token.setString(1, sha256Hex(secret));
            token.setString(2, grantId);
            token.setString(3, kind == Kind.ACCESS ? t.accessKind() : t.refreshKind());
            token.setString(4, t.smartAppId());
            token.setString(5, inst.id());
            token.setString(6, inst.accountId());
            token.setString(7, t.scope());
            token.setObject(8, now);
            token.setObject(9, kind == Kind.ACCESS ? now.plusDays(1) : now.plusDays(90));
            token.addBatch();
            return secret;
        }

        void flush() throws SQLException {
            grant.executeBatch();
            token.executeBatch();
            code.executeBatch();
        }

        @Override
        public void close() throws SQLException {
            grant.close();
            token.close();
            code.close();
        }
    }
}
