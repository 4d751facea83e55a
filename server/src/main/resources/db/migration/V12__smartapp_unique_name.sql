-- A developer registers a namespace and name once (issue 14). The service checks it and says what
-- to change; this index makes it hold when two registrations race (two requests, or two nodes).
-- A missing namespace is stored as '' so that it takes part in the index (NULLs never collide).
UPDATE smartapp SET namespace = '' WHERE namespace IS NULL;

-- Twins registered before the check existed keep working: every one after the first gets its id
-- appended to its namespace here; an update of its source is then refused with 409, saying to
-- rename one of them.
UPDATE smartapp SET namespace = SUBSTRING(namespace FROM 1 FOR 160) || ' (' || id || ')'
WHERE EXISTS (SELECT 1 FROM smartapp older
              WHERE older.owner_id = smartapp.owner_id AND older.name = smartapp.name
                AND older.namespace = smartapp.namespace
                AND (older.created_at < smartapp.created_at
                     OR (older.created_at = smartapp.created_at AND older.id < smartapp.id)));

ALTER TABLE smartapp ALTER COLUMN namespace SET NOT NULL;
CREATE UNIQUE INDEX smartapp_owner_name_uq ON smartapp (owner_id, namespace, name);
