package hearth.oauth;

import hearth.smartapp.SmartAppRecord;

import java.util.Optional;

/**
 * A client's registration and what its request names (a code, a refresh token, a token to
 * introspect), read in one statement. {@link hearth.oauth.client.ClientAuthenticator} hands it
 * out only once the client is authenticated, so nothing looks at {@code found} before.
 *
 * @param found matched by its hash alone, so possibly another client's (the grant refuses that);
 *              empty when nothing has that hash or the request named nothing
 */
public record ClientWith<T>(SmartAppRecord client, Optional<T> found) {

    public static <T> ClientWith<T> alone(SmartAppRecord client) {
        return new ClientWith<>(client, Optional.empty());
    }
}
