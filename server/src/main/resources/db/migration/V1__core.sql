-- Hearth's core schema. Portable SQL: it runs on H2 (embedded default) and PostgreSQL.
-- Tokens, codes and client secrets are stored only as SHA-256 hashes (hex); passwords as
-- slow salted hashes (bcrypt via Spring Security's DelegatingPasswordEncoder).

CREATE TABLE account (
    id            VARCHAR(36)  PRIMARY KEY,
    username      VARCHAR(100) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX account_username_uq ON account (username);

CREATE TABLE location (
    id          VARCHAR(36)  PRIMARY KEY,
    owner_id    VARCHAR(36)  NOT NULL REFERENCES account (id),
    name        VARCHAR(200) NOT NULL,
    time_zone   VARCHAR(64)  NOT NULL,
    server_name VARCHAR(40)  NOT NULL,
    mode        VARCHAR(40)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX location_owner_ix ON location (owner_id);

CREATE TABLE device (
    id           VARCHAR(36)  PRIMARY KEY,
    location_id  VARCHAR(36)  NOT NULL REFERENCES location (id),
    label        VARCHAR(200) NOT NULL,
    name         VARCHAR(200) NOT NULL,
    type_name    VARCHAR(200) NOT NULL,
    capabilities VARCHAR(2000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX device_location_ix ON device (location_id);

CREATE TABLE device_attribute (
    device_id  VARCHAR(36)  NOT NULL REFERENCES device (id),
    name       VARCHAR(100) NOT NULL,
    attr_value VARCHAR(4000),
    value_type VARCHAR(10)  NOT NULL,
    unit       VARCHAR(20),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (device_id, name)
);

CREATE TABLE device_event (
    id         VARCHAR(36)  PRIMARY KEY,
    device_id  VARCHAR(36)  NOT NULL REFERENCES device (id),
    name       VARCHAR(100) NOT NULL,
    attr_value VARCHAR(4000),
    value_type VARCHAR(10)  NOT NULL,
    unit       VARCHAR(20),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX device_event_device_ix ON device_event (device_id, created_at);

CREATE TABLE smartapp (
    id                 VARCHAR(36)  PRIMARY KEY,
    owner_id           VARCHAR(36)  NOT NULL REFERENCES account (id),
    name               VARCHAR(200) NOT NULL,
    namespace          VARCHAR(200),
    source             TEXT         NOT NULL,
    client_id          VARCHAR(64)  NOT NULL,
    client_secret_hash VARCHAR(64)  NOT NULL,
    redirect_uris      VARCHAR(4000) NOT NULL,
    servers            VARCHAR(1000) NOT NULL,
    access_token_ttl   BIGINT       NOT NULL,
    refresh_token_ttl  BIGINT       NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX smartapp_client_id_uq ON smartapp (client_id);
CREATE INDEX smartapp_owner_ix ON smartapp (owner_id);

CREATE TABLE installation (
    id           VARCHAR(36)  PRIMARY KEY,
    smartapp_id  VARCHAR(36)  NOT NULL REFERENCES smartapp (id),
    location_id  VARCHAR(36)  NOT NULL REFERENCES location (id),
    account_id   VARCHAR(36)  NOT NULL REFERENCES account (id),
    label        VARCHAR(200) NOT NULL,
    settings     TEXT         NOT NULL,
    state        TEXT,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX installation_account_ix ON installation (account_id);
CREATE INDEX installation_smartapp_ix ON installation (smartapp_id);

CREATE TABLE installation_device (
    installation_id VARCHAR(36)  NOT NULL REFERENCES installation (id) ON DELETE CASCADE,
    input_name      VARCHAR(100) NOT NULL,
    device_id       VARCHAR(36)  NOT NULL REFERENCES device (id),
    position        INT          NOT NULL,
    PRIMARY KEY (installation_id, input_name, device_id)
);

-- One grant per consent: the authorization code and every token issued from it (and from
-- their refreshes) share it, so a replayed code or a reused refresh token revokes them all.
CREATE TABLE oauth_grant (
    id              VARCHAR(36) PRIMARY KEY,
    smartapp_id     VARCHAR(36) NOT NULL REFERENCES smartapp (id),
    installation_id VARCHAR(36) NOT NULL,
    account_id      VARCHAR(36) NOT NULL REFERENCES account (id),
    scope           VARCHAR(200) NOT NULL,
    -- 'consent': the user approved a client; 'self': the SmartApp's createAccessToken()
    origin          VARCHAR(10) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX oauth_grant_installation_ix ON oauth_grant (installation_id);
CREATE INDEX oauth_grant_smartapp_ix ON oauth_grant (smartapp_id);
CREATE INDEX oauth_grant_account_ix ON oauth_grant (account_id);

CREATE TABLE authorization_code (
    code_hash             VARCHAR(64)   PRIMARY KEY,
    grant_id              VARCHAR(36)   NOT NULL REFERENCES oauth_grant (id),
    redirect_uri          VARCHAR(2000) NOT NULL,
    redirect_uri_given    BOOLEAN       NOT NULL,
    code_challenge        VARCHAR(128),
    code_challenge_method VARCHAR(10),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at               TIMESTAMP WITH TIME ZONE
);

CREATE TABLE oauth_token (
    token_hash      VARCHAR(64) PRIMARY KEY,
    grant_id        VARCHAR(36) NOT NULL REFERENCES oauth_grant (id),
    kind            VARCHAR(10) NOT NULL,
    smartapp_id     VARCHAR(36) NOT NULL,
    installation_id VARCHAR(36) NOT NULL,
    account_id      VARCHAR(36) NOT NULL,
    scope           VARCHAR(200) NOT NULL,
    issued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    used_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX oauth_token_grant_ix ON oauth_token (grant_id);
CREATE INDEX oauth_token_installation_ix ON oauth_token (installation_id);
