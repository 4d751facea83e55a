-- Event history as classic SmartApps read it (issue 12): device.statesSince(attribute, date) reads one
-- attribute of one device by time; the retention job deletes by time alone; location.events() reads
-- a Location's mode changes, which had no table until now.
CREATE INDEX device_event_attribute_ix ON device_event (device_id, name, created_at);
CREATE INDEX device_event_created_ix ON device_event (created_at);

CREATE TABLE location_event (
    id          VARCHAR(36)   PRIMARY KEY,
    location_id VARCHAR(36)   NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    attr_value  VARCHAR(4000),
    description VARCHAR(4000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX location_event_location_ix ON location_event (location_id, created_at);
CREATE INDEX location_event_created_ix ON location_event (created_at);
