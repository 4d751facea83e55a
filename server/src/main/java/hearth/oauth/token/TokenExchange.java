package hearth.oauth.token;

import hearth.oauth.IssuedTokens;
import hearth.oauth.OAuthException;
import hearth.oauth.client.ClientAuthenticator;
import hearth.oauth.client.TokenParameters;
import hearth.oauth.device.DeviceCodeGrant;
import hearth.smartapp.SmartAppRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One token request, in one transaction: the client's lookup, then its grant's reads and writes
 * and audit row. The client was read in a transaction of its own before (two per request on
 * PostgreSQL, issue 15); the grants' own {@code @Transactional} join this one.
 */
@Service
public class TokenExchange {
    private final ClientAuthenticator clients;
    private final AuthorizationCodeGrant codeGrant;
    private final RefreshTokenGrant refreshGrant;
    private final DeviceCodeGrant deviceGrant;

    public TokenExchange(ClientAuthenticator clients, AuthorizationCodeGrant codeGrant, RefreshTokenGrant refreshGrant,
                         DeviceCodeGrant deviceGrant) {
        this.clients = clients;
        this.codeGrant = codeGrant;
        this.refreshGrant = refreshGrant;
        this.deviceGrant = deviceGrant;
    }

    /**
     * noRollbackFor as each grant has: what a refused request did (a burned code, the tokens of a
     * replayed code or a reused refresh token revoked, their audit rows) must commit although the
     * request fails; joined to this transaction, it would otherwise roll back with it.
     */
    @Transactional(noRollbackFor = OAuthException.class)
    public IssuedTokens exchange(String grantType, String authorizationHeader, TokenParameters parameters) {
        SmartAppRecord client = clients.authenticate(authorizationHeader, parameters);
        TokenRequest tokenRequest = TokenRequestConverter.convert(grantType, parameters);
        if (tokenRequest instanceof TokenRequest.AuthorizationCode code) {
            return codeGrant.exchange(client, code);
        } else if (tokenRequest instanceof TokenRequest.RefreshToken refresh) {
            return refreshGrant.refresh(client, refresh);
        }
        return deviceGrant.exchange(client, ((TokenRequest.DeviceCode) tokenRequest).deviceCode());
    }
}
