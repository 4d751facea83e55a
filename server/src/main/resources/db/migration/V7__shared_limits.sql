-- Limits every node of a Server counts together (several identical nodes over one database).

-- Failed sign-ins, by 'user:NAME' and 'addr:ADDRESS', kept for the throttle's window (5 minutes).
CREATE TABLE login_failure (
    throttle_key VARCHAR(300) NOT NULL,
    failed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_failure_key_ix ON login_failure (throttle_key, failed_at);
CREATE INDEX login_failure_at_ix ON login_failure (failed_at);

-- The classic execution limit's current window per Installation, and how many executions the
-- nodes have reserved in it (each spends its reservation from memory).
CREATE TABLE rate_window (
    installation_id VARCHAR(36) PRIMARY KEY,
    window_ends     TIMESTAMP WITH TIME ZONE NOT NULL,
    reserved        INT NOT NULL
);
