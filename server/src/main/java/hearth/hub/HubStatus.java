package hearth.hub;

/** How a hub's connection is: trying for the first time, connected, or not (with the reason). */
public enum HubStatus {
    CONNECTING, ONLINE, OFFLINE;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
