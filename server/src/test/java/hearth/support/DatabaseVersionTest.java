package hearth.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseVersionTest {
    @Test
    void aPostgresqlOlderThanFifteenIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> DatabaseVersion.require("PostgreSQL", 14, "14.12"))
                .hasMessageContaining("PostgreSQL 15 or later").hasMessageContaining("14.12");
    }

    @Test
    void postgresqlFifteenOnAndH2Start() {
        assertThatCode(() -> DatabaseVersion.require("PostgreSQL", 15, "15.20")).doesNotThrowAnyException();
        assertThatCode(() -> DatabaseVersion.require("H2", 2, "2.4.240")).doesNotThrowAnyException();
    }
}
