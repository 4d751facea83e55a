-- No query reads oauth_token by installation_id: a token is found by its hash (the primary key), and
-- revocations and deletes go by grant_id (oauth_token_grant_ix). The index only cost every token INSERT
-- (a refresh writes two rows, a code exchange two) a third B-tree to update. Issue 15, bench/README.md.
DROP INDEX oauth_token_installation_ix;
