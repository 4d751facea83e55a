-- The successor pair of a used refresh token, sealed under that token (SealedSuccessor): a
-- refresh whose answer was lost can be answered again within hearth.oauth.refresh-grace.
ALTER TABLE oauth_token ADD COLUMN successor VARCHAR(300);
