package hearth.oauth;

/** A stored token and the grant it belongs to, read together. */
public record TokenWithGrant(TokenRecord token, Grant grant) {
}
