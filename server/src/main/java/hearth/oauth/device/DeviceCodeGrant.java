package hearth.oauth.device;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationGrantError;
import hearth.oauth.Grant;
import hearth.oauth.GrantRepository;
import hearth.oauth.IssuedTokens;
import hearth.oauth.OAuthException;
import hearth.oauth.TokenService;
import hearth.smartapp.SmartAppRecord;
import hearth.support.Secrets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/** RFC 8628 §3.4-3.5: the device polls the token endpoint until the user decides. */
@Service
public class DeviceCodeGrant {
    private final DeviceAuthorizationRepository authorizations;
    private final GrantRepository grants;
    private final TokenService tokens;
    private final Clock clock;

    public DeviceCodeGrant(DeviceAuthorizationRepository authorizations, GrantRepository grants, TokenService tokens,
                           Clock clock) {
        this.authorizations = authorizations;
        this.grants = grants;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = OAuthException.class)
    public IssuedTokens exchange(SmartAppRecord client, String deviceCode) {
        Instant now = clock.instant();
        DeviceAuthorization authorization = authorizations.findByHash(Secrets.sha256Hex(deviceCode))
                .filter(a -> a.smartAppId().equals(client.id()))
                .orElseThrow(() -> OAuthException.invalidGrant("the device_code is not known for this client; "
                        + "request one at /oauth/device_authorization"));
        if (!now.isBefore(authorization.expiresAt())) {
            throw new OAuthException(DeviceAuthorizationGrantError.EXPIRED_TOKEN, "the device code expired; "
                    + "start again at /oauth/device_authorization");
        }
        switch (authorization.status()) {
            case PENDING -> {
                Instant last = authorization.lastPolledAt();
                authorizations.polled(authorization.deviceCodeHash(), now);
                int interval = authorization.intervalSeconds();
                if (last != null && now.isBefore(last.plusSeconds(interval))) {
                    // RFC 8628 section 3.5: the interval grows by 5 seconds with each slow_down.
                    int slower = (int) DeviceAuthorizationEndpoint.INTERVAL.getSeconds();
                    authorizations.slower(authorization.deviceCodeHash(), slower);
                    throw new OAuthException(DeviceAuthorizationGrantError.SLOW_DOWN, "poll at most every "
                            + (interval + slower) + " seconds from now on");
                }
                throw new OAuthException(DeviceAuthorizationGrantError.AUTHORIZATION_PENDING, "the user has not "
                        + "approved yet; keep polling");
            }
            case DENIED -> throw new OAuthException(OAuth2Error.ACCESS_DENIED, "the user denied access");
            case CONSUMED -> throw OAuthException.invalidGrant("tokens were already issued for this device code");
            default -> {
                if (!authorizations.consume(authorization.deviceCodeHash())) {
                    throw OAuthException.invalidGrant("tokens were already issued for this device code");
                }
                Grant grant = grants.findById(authorization.grantId()).orElseThrow();
                return tokens.issue(grant, client);
            }
        }
    }
}
