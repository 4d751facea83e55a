-- What SmartApps asked to be told about (subscribe) and to be woken for (runIn, schedule).
-- Kept in the Server's database, so they survive restarts; gone with their Installation.

CREATE TABLE subscription (
    id              VARCHAR(36)  PRIMARY KEY,
    installation_id VARCHAR(36)  NOT NULL REFERENCES installation (id) ON DELETE CASCADE,
    device_id       VARCHAR(36),
    attribute       VARCHAR(100),
    attr_value      VARCHAR(200),
    handler         VARCHAR(200) NOT NULL
);
CREATE INDEX subscription_device_ix ON subscription (device_id);
CREATE INDEX subscription_installation_ix ON subscription (installation_id);

CREATE TABLE scheduled_job (
    id              VARCHAR(36)  PRIMARY KEY,
    installation_id VARCHAR(36)  NOT NULL REFERENCES installation (id) ON DELETE CASCADE,
    handler         VARCHAR(200) NOT NULL,
    cron            VARCHAR(100),
    run_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX scheduled_job_due_ix ON scheduled_job (run_at);
CREATE INDEX scheduled_job_installation_ix ON scheduled_job (installation_id);
