package hearth.installation;

/**
 * {@code subscribe(devices, "switch.on", handler)}, one row per device: {@code deviceId} null for
 * a Location subscription, {@code attribute} null for every event, {@code value} null for every value.
 */
public record Subscription(String id, String installationId, String deviceId, String attribute, String value,
                           String handler) {

    public boolean matches(String eventName, Object eventValue) {
        return (attribute == null || attribute.equals(eventName))
                && (value == null || value.equals(String.valueOf(eventValue)));
    }
}
