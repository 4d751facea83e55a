package hearth.oauth.token;

import hearth.oauth.device.DeviceAuthorization;
import hearth.oauth.device.DeviceAuthorizationRepository;
import hearth.oauth.device.DeviceCodeGrant;
import hearth.support.Secrets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceCodeGrantTest extends GrantSpecBase {
    @Autowired
    DeviceCodeGrant deviceGrant;
    @Autowired
    DeviceAuthorizationRepository authorizations;

    private String pending() {
        String deviceCode = Secrets.newSecret();
        Instant now = clock.instant();
        authorizations.insert(new DeviceAuthorization(Secrets.sha256Hex(deviceCode),
                Secrets.newSecret().substring(0, 8).toUpperCase(), client.id(), "app",
                DeviceAuthorization.Status.PENDING, null, now, now.plus(Duration.ofMinutes(10)), null, 5));
        return deviceCode;
    }

    @Test
    void exchangeWhenTheUserHasNotDecidedThenPendingAndSlowDownWhenPolledTooOften() {
        String deviceCode = pending();
        refusedWith(() -> deviceGrant.exchange(client, deviceCode), "authorization_pending", "keep polling");
        refusedWith(() -> deviceGrant.exchange(client, deviceCode), "slow_down", "every 10 seconds");
    }

    @Test
    void exchangeWhenApprovedThenTokensOnceAndThenInvalidGrant() {
        String deviceCode = pending();
        authorizations.decide(Secrets.sha256Hex(deviceCode), DeviceAuthorization.Status.APPROVED, grant(client).id());
        assertThat(deviceGrant.exchange(client, deviceCode).accessToken()).isNotBlank();
        refusedWith(() -> deviceGrant.exchange(client, deviceCode), "invalid_grant", "already issued");
    }

    @Test
    void exchangeWhenDeniedThenAccessDenied() {
        String deviceCode = pending();
        authorizations.decide(Secrets.sha256Hex(deviceCode), DeviceAuthorization.Status.DENIED, null);
        refusedWith(() -> deviceGrant.exchange(client, deviceCode), "access_denied", "denied");
    }

    @Test
    void exchangeWhenExpiredThenExpiredToken() {
        String deviceCode = pending();
        clock.advance(Duration.ofMinutes(11));
        refusedWith(() -> deviceGrant.exchange(client, deviceCode), "expired_token", "expired");
    }

    @Test
    void exchangeWhenAnotherClientPollsThenInvalidGrant() {
        String deviceCode = pending();
        refusedWith(() -> deviceGrant.exchange(otherClient, deviceCode), "invalid_grant", "not known for this client");
    }
}
