-- A person may hide a device (not on the home page nor offered to new Installations; it still
-- works) or remove a hub's device: its address is remembered so the hub's next list doesn't bring
-- it back, until the hub says it left (zigbee2mqtt device_leave, an empty discovery config).
ALTER TABLE device ADD COLUMN hidden BOOLEAN DEFAULT FALSE NOT NULL;
CREATE TABLE hub_device_removed (
    hub_id      VARCHAR(36)  NOT NULL,
    hub_address VARCHAR(300) NOT NULL,
    removed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (hub_id, hub_address)
);
