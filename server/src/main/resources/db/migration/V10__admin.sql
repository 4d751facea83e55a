-- The operator's side (issue 14): admins, locked accounts, settings an admin changes at run time
-- (shared by every node), and the one-time setup codes that let the first account be made from
-- a browser.
ALTER TABLE account ADD COLUMN is_admin BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE account ADD COLUMN locked_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE hearth_setting (
    name          VARCHAR(100)  PRIMARY KEY,
    setting_value VARCHAR(1000) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Only the SHA-256 of each code; a code works once, until expires_at, and only while no account exists.
CREATE TABLE setup_code (
    code_hash  VARCHAR(64) PRIMARY KEY,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);
