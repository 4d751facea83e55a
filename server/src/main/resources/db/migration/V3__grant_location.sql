-- Where each grant's Installation lives, so the global server can answer
-- /api/smartapps/endpoints with the right Server's base URL without asking the shard.
ALTER TABLE oauth_grant ADD COLUMN location_id VARCHAR(36);
ALTER TABLE oauth_grant ADD COLUMN server_name VARCHAR(40);
