package hearth.oauth;

/** A stored authorization code and the grant it belongs to, read together. */
public record CodeWithGrant(AuthorizationCode code, Grant grant) {
}
