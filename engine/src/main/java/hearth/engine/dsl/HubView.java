package hearth.engine.dsl;

import hearth.engine.sandbox.SmartAppApi;
/**
 * An entry of {@code location.hubs}. Hearth is a cloud without hubs; classic apps read
 * {@code location.hubs[0].localIP} and the like, so there is one virtual hub whose LAN fields are
 * null rather than an empty list that makes such apps fail.
 */
@SmartAppApi
public final class HubView {
    private final String id;

    public HubView(String id) {
        this.id = id;
    }

    @SmartAppApi
    public String getId() {
        return id;
    }

    @SmartAppApi
    public String getName() {
        return "Hearth";
    }

    @SmartAppApi
    public String getType() {
        return "VIRTUAL";
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
    public String getStatus() {
        return "ACTIVE";
    }

    @SmartAppApi
    @Override
    public String toString() {
        return getName();
    }
}
