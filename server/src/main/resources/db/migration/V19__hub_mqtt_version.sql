-- A hub speaks MQTT 5 (the default) or 3.1.1 to its broker (hearth.hub.MqttLink).
ALTER TABLE hub ADD COLUMN mqtt_version VARCHAR(8) DEFAULT '5' NOT NULL;
