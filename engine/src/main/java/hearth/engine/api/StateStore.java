package hearth.engine.api;

/**
 * The persistent {@code state} map of one Installation, as JSON text. The engine reads it
 * before a call and writes it back after the call only when it changed.
 */
public interface StateStore {

    /** The stored JSON object, or null when nothing was stored yet. */
    String load();

    void save(String json);
}
