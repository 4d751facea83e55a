-- A device's room in its Location (issue 16: the SmartThings API's /locations/{id}/rooms and a
-- device's roomId): a name as its owner wrote it; null while it is in none.
ALTER TABLE device ADD COLUMN room VARCHAR(100);
