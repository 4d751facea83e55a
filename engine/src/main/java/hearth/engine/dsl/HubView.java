package hearth.engine.dsl;

import hearth.engine.api.HubSnapshot;
import hearth.engine.sandbox.SmartAppApi;

/**
 * An entry of {@code location.hubs}, and {@code device.hub}: one of the Location's real hubs
 * (Hearth's connection to an MQTT broker: type "PHYSICAL", status "ACTIVE" while connected, else
 * "INACTIVE"), or the one virtual hub every Location has (name "Hearth", type "VIRTUAL"), which
 * the virtual devices are on and which classic apps that index {@code location.hubs[0]} find when
 * there is no real one. The LAN and ZigBee fields are null: a broker connection has none.
 */
@SmartAppApi
public final class HubView {
    private final String id;
    private final String name;
    private final boolean physical;
    private final boolean active;

    /** The Location's virtual hub (its id is the Location's). */
    public HubView(String id) {
        this(id, "Hearth", false, true);
    }

    public HubView(HubSnapshot hub) {
        this(hub.id(), hub.name(), true, hub.online());
    }

    private HubView(String id, String name, boolean physical, boolean active) {
        this.id = id;
        this.name = name;
        this.physical = physical;
        this.active = active;
    }

    @SmartAppApi
    public String getId() {
        return id;
    }

    @SmartAppApi
    public String getName() {
        return name;
    }

    @SmartAppApi
    public String getType() {
        return physical ? "PHYSICAL" : "VIRTUAL";
    }

    @SmartAppApi
    public String getLocalIP() {
        return null;
    }

    @SmartAppApi
    public String getLocalSrvPortTCP() {
        return null;
    }

    @SmartAppApi
    public String getFirmwareVersionString() {
        return null;
    }

    @SmartAppApi
    public String getZigbeeId() {
        return null;
    }

    @SmartAppApi
    public String getZigbeeEui() {
        return null;
    }

    @SmartAppApi
    public String getStatus() {
        return active ? "ACTIVE" : "INACTIVE";
    }

    @SmartAppApi
    @Override
    public String toString() {
        return getName();
    }
}
