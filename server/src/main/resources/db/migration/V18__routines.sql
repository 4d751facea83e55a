-- Routines (classic Hello Home): every Location has the four classic ones ("Good Morning!",
-- "Goodbye!", "Good Night!", "I'm Back!", defined in hearth.location.Routine); a row here is the
-- mode its owner chose for one of them instead of the default. Portable SQL (H2 and PostgreSQL).
CREATE TABLE location_routine (
    location_id VARCHAR(36) NOT NULL REFERENCES location (id) ON DELETE CASCADE,
    routine_id  VARCHAR(40) NOT NULL,
    mode        VARCHAR(40) NOT NULL,
    PRIMARY KEY (location_id, routine_id)
);
