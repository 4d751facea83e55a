-- Scheduled jobs are claimed with a lease instead of being deleted before they run (issue 13): a
-- node claims a due job (claimed_by, lease_until), runs its handler, and finishes the job (deletes
-- a runIn, moves a schedule to its next time) in the transaction that stores the handler's effects,
-- and only while the claim is still its own. A node that dies leaves the claim to expire; the job
-- then runs again on any node. A run whose claim was taken over stores nothing.
ALTER TABLE scheduled_job ADD COLUMN claimed_by VARCHAR(120);
ALTER TABLE scheduled_job ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
