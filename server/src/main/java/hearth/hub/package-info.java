/**
 * Hubs: a Location's connection to an MQTT broker whose devices become Hearth devices
 * (zigbee2mqtt first; one {@link hearth.hub.ProtocolAdapter} per protocol). A hub lives on the
 * Server of its Location, with one connection per hub across the Server's nodes (the node holding
 * the hub's lease connects it: {@link hearth.hub.HubConnections}); state
 * comes in as device events through {@code LocalDevices}, commands go out as the protocol's own
 * messages. Above a Server's Installations, which it tells when a device leaves.
 */
package hearth.hub;
