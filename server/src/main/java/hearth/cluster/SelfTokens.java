package hearth.cluster;

import hearth.HearthProperties;
import hearth.cluster.InternalApi.SelfToken;
import hearth.installation.Installation;
import hearth.installation.InstallationTokens;
import hearth.oauth.TokenService;
import hearth.server.ServerDirectory;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * Classic {@code createAccessToken()} wherever the SmartApp runs: tokens are the global server's,
 * so a shard asks it over the internal API.
 */
@Component
class SelfTokens implements InstallationTokens {
    private static final TypeReference<SelfToken> SELF_TOKEN = new TypeReference<>() {
    };

    private final HearthProperties properties;
    private final TokenService tokens;
    private final ServerDirectory directory;
    private final ClusterClient client;

    SelfTokens(HearthProperties properties, TokenService tokens, ServerDirectory directory, ClusterClient client) {
        this.properties = properties;
        this.tokens = tokens;
        this.directory = directory;
        this.client = client;
    }

    @Override
    public String issueSelfToken(Installation installation) {
        if (properties.role().global()) {
            return tokens.issueSelfToken(installation.smartAppId(), installation.id(), installation.accountId(),
                    installation.locationId(), directory.localServerName());
        }
        SelfToken answer = client.call("global", properties.globalUrl(), "POST",
                "/internal/installations/" + installation.id() + "/tokens",
                new SelfToken(installation.smartAppId(), installation.accountId(), installation.locationId(),
                        directory.localServerName(), null), SELF_TOKEN);
        return answer.accessToken();
    }

    @Override
    public void revokeSelfTokens(Installation installation) {
        if (properties.role().global()) {
            tokens.revokeSelfTokens(installation.id());
        } else {
            client.call("global", properties.globalUrl(), "DELETE",
                    "/internal/installations/" + installation.id() + "/tokens", null, null);
        }
    }
}
