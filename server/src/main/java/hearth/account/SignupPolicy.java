package hearth.account;

import hearth.HearthProperties;
import hearth.support.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Whether anyone may create an account: {@code hearth.signup.enabled} until an admin turns it on
 * or off, then the admin's choice, kept in the database so every node answers the same.
 */
@Component
public class SignupPolicy {
    static final String SETTING = "signup.enabled";
    private static final String READ = "SELECT setting_value FROM hearth_setting WHERE name = ?";
    private static final String UPDATE = "UPDATE hearth_setting SET setting_value = ?, updated_at = ? WHERE name = ?";
    private static final String INSERT = "INSERT INTO hearth_setting (name, setting_value, updated_at) VALUES (?, ?, ?)";

    private final JdbcClient jdbc;
    private final HearthProperties properties;
    private final Clock clock;

    public SignupPolicy(JdbcClient jdbc, HearthProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    public boolean open() {
        return jdbc.sql(READ).param(SETTING).query(String.class).optional().map(Boolean::parseBoolean)
                .orElse(properties.signup().enabled());
    }

    @Transactional
    public void set(boolean open) {
        String value = String.valueOf(open);
        if (jdbc.sql(UPDATE).params(value, Times.db(clock.instant()), SETTING).update() == 0) {
            jdbc.sql(INSERT).params(SETTING, value, Times.db(clock.instant())).update();
        }
    }
}
