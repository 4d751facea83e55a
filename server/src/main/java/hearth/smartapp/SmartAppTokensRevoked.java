package hearth.smartapp;

/** Every grant and token of this SmartApp must be revoked (published inside the caller's transaction). */
public record SmartAppTokensRevoked(String smartAppId) {
}
