-- Public clients (no secret; PKCE required), the device authorization grant (RFC 8628), and
-- the audit log of security events.

ALTER TABLE smartapp ADD COLUMN public_client BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE device_authorization (
    device_code_hash VARCHAR(64)  PRIMARY KEY,
    user_code        VARCHAR(16)  NOT NULL,
    smartapp_id      VARCHAR(36)  NOT NULL REFERENCES smartapp (id),
    scope            VARCHAR(200) NOT NULL,
    status           VARCHAR(10)  NOT NULL,
    grant_id         VARCHAR(36),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_polled_at   TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX device_authorization_user_code_uq ON device_authorization (user_code);

CREATE TABLE audit_event (
    id         VARCHAR(36)  PRIMARY KEY,
    account_id VARCHAR(36),
    type       VARCHAR(40)  NOT NULL,
    detail     VARCHAR(1000) NOT NULL,
    remote     VARCHAR(64),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX audit_event_account_ix ON audit_event (account_id, created_at);
