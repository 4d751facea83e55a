-- What an Installation's call sees of its devices is cached per node, next to the version of the devices of
-- its Location (issue 15). Every write to a device, its attributes or an Installation's choices of devices
-- adds one to it in the same transaction, before the write, so a node whose cached copy is older knows at
-- once: the call's first statement reads this version with the token and the Installation.
ALTER TABLE location ADD COLUMN devices_version BIGINT DEFAULT 0 NOT NULL;
