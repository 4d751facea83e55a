package hearth.oauth.token;

import hearth.oauth.ClientWith;
import hearth.oauth.CodeWithGrant;
import hearth.oauth.IssuedTokens;
import hearth.oauth.OAuthException;
import hearth.oauth.TokenWithGrant;
import hearth.oauth.client.ClientAuthenticator;
import hearth.oauth.client.TokenParameters;
import hearth.oauth.device.DeviceCodeGrant;
import hearth.smartapp.SmartAppRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One token request, in one transaction: the client's lookup, then its grant's reads and writes
 * and audit row. The client was read in a transaction of its own before (two per request on
 * PostgreSQL, issue 15); the grants' own {@code @Transactional} join this one. For a code or a
 * refresh token, the client is read with it in one statement ({@link ClientWith}); the grant
 * gets it once the client is authenticated.
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
        switch (grantType) {
            case TokenRequestConverter.AUTHORIZATION_CODE -> {
                ClientWith<CodeWithGrant> read = clients.authenticate(authorizationHeader, parameters,
                        TokenRequestConverter.CODE_PARAMETER, codeGrant::withClient);
                return codeGrant.exchange(read.client(), TokenRequestConverter.authorizationCode(parameters),
                        read.found());
            }
            case TokenRequestConverter.REFRESH_TOKEN -> {
                ClientWith<TokenWithGrant> read = clients.authenticate(authorizationHeader, parameters,
                        TokenRequestConverter.REFRESH_TOKEN_PARAMETER, refreshGrant::withClient);
                return refreshGrant.refresh(read.client(), TokenRequestConverter.refreshToken(parameters),
                        read.found());
            }
            default -> {
                // The device grant, or a grant type the converter refuses once the client is authenticated.
                SmartAppRecord client = clients.authenticate(authorizationHeader, parameters);
                TokenRequest.DeviceCode device = (TokenRequest.DeviceCode) TokenRequestConverter.convert(grantType,
                        parameters);
                return deviceGrant.exchange(client, device.deviceCode());
            }
        }
    }
}
