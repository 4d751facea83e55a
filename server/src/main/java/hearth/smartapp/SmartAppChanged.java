package hearth.smartapp;

/** A SmartApp was registered or its source or settings changed. */
public record SmartAppChanged(SmartAppRecord app) {
}
