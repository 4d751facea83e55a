-- The modern SmartThings API (issue 16). Personal access tokens: an account's own tokens for its scripts, for the modern
-- SmartThings API, with chosen scopes and an expiry. Stored only as SHA-256 hashes.
CREATE TABLE personal_token (
    id           VARCHAR(36)   PRIMARY KEY,
    account_id   VARCHAR(36)   NOT NULL REFERENCES account (id),
    name         VARCHAR(100)  NOT NULL,
    token_hash   VARCHAR(64)   NOT NULL,
    scopes       VARCHAR(4000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX personal_token_hash_uq ON personal_token (token_hash);
CREATE INDEX personal_token_account_ix ON personal_token (account_id);

-- API-only OAuth clients: a registration without Groovy of its own, and the scopes of the modern
-- API it may ask for.
CREATE TABLE api_client (
    smartapp_id VARCHAR(36)   PRIMARY KEY,   -- no foreign key: a deleted SmartApp leaves a row that names nothing
    scopes      VARCHAR(4000) NOT NULL
);
