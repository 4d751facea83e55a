package hearth.oauth;

/**
 * A token read with what {@code GET /api/smartapps/endpoints} answers about it, in one statement
 * ({@link TokenRepository#findWithEndpoint}).
 *
 * @param clientId     its SmartApp's client id; null when the SmartApp is gone
 * @param locationId   its grant's Location; null when that Location is not in this database
 * @param locationName that Location's name
 */
public record TokenWithEndpoint(TokenRecord token, Grant grant, String clientId, String locationId,
                                String locationName) {
}
