-- Hubs (hearth.hub): a Location's connection to an MQTT broker whose devices become Hearth devices.
-- The broker password is sealed (AES-256-GCM, HubSecrets) for reconnecting; never stored in clear.
CREATE TABLE hub (
    id                VARCHAR(36)   PRIMARY KEY,
    location_id       VARCHAR(36)   NOT NULL,
    name              VARCHAR(200)  NOT NULL,
    url               VARCHAR(500)  NOT NULL,
    username          VARCHAR(200),
    password_sealed   VARCHAR(1000),
    z2m_base_topic    VARCHAR(200)  NOT NULL,
    discovery_prefix  VARCHAR(200)  NOT NULL,
    tasmota_discovery BOOLEAN       NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX hub_location_ix ON hub (location_id);

-- A device a hub discovered carries the hub's id and the protocol's own id for it ("z2m:" and an
-- IEEE address, "ha:" and a unique id, "tasmota:" and a MAC), so a rediscovery finds the same device.
ALTER TABLE device ADD COLUMN hub_id VARCHAR(36);
ALTER TABLE device ADD COLUMN hub_address VARCHAR(300);
CREATE UNIQUE INDEX device_hub_address_uq ON device (hub_id, hub_address);
