package hearth.modern;

import hearth.oauth.Scopes;
import hearth.HearthProperties;
import hearth.cluster.Shards;
import hearth.installation.Installation;
import hearth.oauth.Grant;
import hearth.oauth.GrantRepository;
import hearth.oauth.TokenRecord;
import hearth.oauth.TokenService;
import hearth.oauth.TokenService.InvalidTokenException;
import hearth.oauth.Descriptions;
import hearth.web.BearerRequests;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whom a bearer token lets into the modern API, and how far ({@link Reach}). A token of a classic
 * SmartApp's Installation (scope {@code app}) reaches that Installation's Location and exactly the
 * devices chosen for it, to read and to command, as its consent said; any other OAuth token reaches
 * what its scopes name, in its grant's Location; a personal access token ({@link PersonalTokens})
 * what its scopes name in every Location of its account.
 */
@Component
class ModernTokens {
    private static final String PREFIX = "Bearer ";

    private final HearthProperties properties;
    private final TokenService tokens;
    private final GrantRepository grants;
    private final Shards shards;
    private final PersonalTokens personal;

    ModernTokens(HearthProperties properties, TokenService tokens, GrantRepository grants, Shards shards,
                 PersonalTokens personal) {
        this.properties = properties;
        this.personal = personal;
        this.tokens = tokens;
        this.grants = grants;
        this.shards = shards;
    }

    /** @throws ModernException 401 saying what is wrong with the header or the token, and what to do */
    Reach reach(String authorization) {
        if (!properties.role().global()) {
            throw new ModernException(ModernError.notFound("this process is a shard; the SmartThings API is "
                    + "answered by the global server (hearth.global-url)"));
        }
        if (authorization == null || authorization.isBlank()) {
            throw unauthorized("no access token in the request; send the header 'Authorization: Bearer TOKEN'");
        }
        if (!BearerRequests.isBearer(authorization) || authorization.length() <= PREFIX.length()) {
            throw unauthorized("the Authorization header must be 'Bearer ' followed by the access token");
        }
        String bearer = authorization.substring(PREFIX.length()).trim();
        Optional<Reach> personalReach = personal.reach(bearer);
        if (personalReach.isPresent()) {
            return personalReach.get();
        }
        TokenRecord token;
        try {
            token = tokens.authenticate(bearer);
        } catch (InvalidTokenException e) {
            throw unauthorized(e.getMessage());
        }
        Grant grant = grants.findById(token.grantId()).orElseThrow(() -> unauthorized("the access token's "
                + "authorization is gone; authorize again"));
        if (!TokenService.SCOPE.equals(token.scope())) {
            return new Reach(token.accountId(), grant.locationId() == null ? null : Set.of(grant.locationId()),
                    Scopes.parse(token.scope()), grant.id());
        }
        Installation installation = shards.of(grant.serverName()).installation(token.installationId())
                .orElseThrow(() -> unauthorized("the access token's installation was removed; authorize again"));
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add(Scopes.READ_LOCATIONS);
        for (String id : installation.allDeviceIds()) {
            scopes.add(Scopes.readDevice(id));
            scopes.add(Scopes.executeDevice(id));
        }
        return new Reach(token.accountId(), Set.of(installation.locationId()), Scopes.of(scopes), installation.id());
    }

    private static ModernException unauthorized(String description) {
        return new ModernException(ModernError.unauthorized(Descriptions.clean(description)));
    }
}
