package hearth.engine.dsl;

/**
 * An entry of {@code location.hubs}. Hearth is a cloud without hubs; classic apps read
 * {@code location.hubs[0].localIP} and the like, so there is one virtual hub whose LAN fields are
 * null rather than an empty list that makes such apps fail.
 */
public final class HubView {
    private final String id;

    public HubView(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return "Hearth";
    }

    public String getType() {
        return "VIRTUAL";
    }

    public String getLocalIP() {
        return null;
    }

    public String getLocalSrvPortTCP() {
        return null;
    }

    public String getFirmwareVersionString() {
        return null;
    }

    public String getZigbeeId() {
        return null;
    }

    public String getStatus() {
        return "ACTIVE";
    }

    @Override
    public String toString() {
        return getName();
    }
}
