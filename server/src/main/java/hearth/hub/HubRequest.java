package hearth.hub;

/**
 * A hub as a person adds or changes it; on a change, an absent (null) field is left as it is.
 * {@code password} is write-only: kept sealed, never shown; {@code ""} removes it (as {@code ""}
 * removes the username). {@code mqttVersion}: {@code "5"} (the default) or {@code "3.1.1"}.
 */
public record HubRequest(String name, String url, String username, String password, String zigbee2mqttBaseTopic,
                         String discoveryPrefix, Boolean tasmotaDiscovery, String mqttVersion) {
    @Override
    public String toString() {
        return "HubRequest[name=" + name + ", url=" + url + ", username=" + username + ", password="
                + (password == null ? "unchanged" : "(given)") + "]";
    }
}
