package hearth.oauth.authorize;

import hearth.HearthProperties;
import hearth.audit.AuditEvent;
import hearth.audit.AuditLog;
import hearth.installation.Installation;
import hearth.installation.global.InstallationService;
import hearth.location.Location;
import hearth.oauth.AuthorizationCode;
import hearth.oauth.AuthorizationCodeRepository;
import hearth.oauth.Grant;
import hearth.oauth.GrantRepository;
import hearth.oauth.TokenService;
import hearth.web.ApiException;
import hearth.oauth.device.DeviceAuthorization;
import hearth.oauth.device.DeviceAuthorizationRepository;
import hearth.smartapp.SmartAppRecord;
import hearth.support.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The user said yes: install the SmartApp with their choices and issue a single-use code. The
 * Installation is made first, on its Server (maybe over the network, and its installed() runs),
 * outside any transaction; the grant and the code are then written in one transaction.
 */
@Service
public class ConsentService {
    private static final Logger log = LoggerFactory.getLogger(ConsentService.class);

    private final InstallationService installations;
    private final GrantRepository grants;
    private final AuthorizationCodeRepository codes;
    private final HearthProperties properties;
    private final DeviceAuthorizationRepository deviceAuthorizations;
    private final AuditLog audit;
    private final TransactionOperations transactions;
    private final TokenService tokens;
    private final Clock clock;

    public ConsentService(InstallationService installations, GrantRepository grants, AuthorizationCodeRepository codes,
                          DeviceAuthorizationRepository deviceAuthorizations, HearthProperties properties,
                          AuditLog audit, TransactionOperations transactions, TokenService tokens, Clock clock) {
        this.installations = installations;
        this.grants = grants;
        this.codes = codes;
        this.properties = properties;
        this.deviceAuthorizations = deviceAuthorizations;
        this.audit = audit;
        this.transactions = transactions;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * Returns the authorization code, in clear text for the redirect only.
     *
     * @param installationId an Installation of this app in this Location to update rather than
     *                       make a twin of (see {@link #installOrUpdate}), or null for a new one
     */
    public String approve(String accountId, AuthorizationRequest request, SmartAppRecord app, Location location,
                          Map<String, List<String>> devices, Map<String, String> values, String installationId) {
        Installation installation = installOrUpdate(accountId, app, location, devices, values, installationId);
        return transactions.execute(tx -> {
            Grant grant = grant(accountId, request, app, location, installation, installationId != null);
            Instant now = clock.instant();
            String code = Secrets.newSecret();
            codes.insert(new AuthorizationCode(Secrets.sha256Hex(code), grant.id(), request.redirectUri(),
                    request.redirectUriGiven(), request.codeChallenge(), request.codeChallengeMethod(), now,
                    now.plus(properties.oauth().codeTtl()), null));
            return code;
        });
    }

    /** The user approved a device (RFC 8628): its next poll gets the tokens. */
    public void approveDevice(String accountId, AuthorizationRequest request, SmartAppRecord app, Location location,
                              Map<String, List<String>> devices, Map<String, String> values,
                              String installationId) {
        if (deviceAuthorizations.findByHash(request.deviceCodeHash())
                .filter(a -> a.status() == DeviceAuthorization.Status.PENDING).isEmpty()) {
            throw usedOrExpired();
        }
        Installation installation = installOrUpdate(accountId, app, location, devices, values, installationId);
        transactions.executeWithoutResult(tx -> {
            Grant grant = grant(accountId, request, app, location, installation, installationId != null);
            if (!deviceAuthorizations.decide(request.deviceCodeHash(), DeviceAuthorization.Status.APPROVED,
                    grant.id())) {
                throw usedOrExpired();
            }
            audit.record(accountId, AuditEvent.Type.DEVICE_CODE_APPROVED, "approved a device for " + app.name());
        });
    }

    private static AuthorizationException usedOrExpired() {
        return AuthorizationException.page("This device code was already used or has expired.",
                "Start again on the device.");
    }

    /**
     * A new Installation, or, when {@code installationId} names one of this app in this Location,
     * that one again with its devices chosen anew (its {@code updated()} runs): allowing again
     * never leaves a twin. On its Server, outside any transaction.
     */
    private Installation installOrUpdate(String accountId, SmartAppRecord app, Location location,
                                         Map<String, List<String>> devices, Map<String, String> values,
                                         String installationId) {
        if (installationId == null) {
            return installations.install(accountId, app, location, devices, values);
        }
        Installation existing = installations.owned(accountId, installationId);
        if (!existing.smartAppId().equals(app.id()) || !existing.locationId().equals(location.id())) {
            throw ApiException.badRequest("that connection is of another app or another Location");
        }
        return installations.updateDevices(accountId, installationId, devices);
    }

    /** The grant of this consent; an Installation connected again loses the tokens of its earlier consents. */
    private Grant grant(String accountId, AuthorizationRequest request, SmartAppRecord app, Location location,
                        Installation installation, boolean again) {
        if (again) {
            tokens.revokeConsented(installation.id());
        }
        Grant grant = new Grant(UUID.randomUUID().toString(), app.id(), installation.id(), accountId, request.scope(),
                Grant.Origin.CONSENT, location.id(), location.serverName(), clock.instant(), null);
        grants.insert(grant);
        audit.record(accountId, AuditEvent.Type.CONSENT_GRANTED, (again ? "connected again (the earlier tokens of "
                + "this installation were revoked) " : "connected ") + app.name() + " to " + location.name()
                + " (installation " + installation.id() + ", devices " + installation.allDeviceIds().size() + ")");
        log.info("account {} installed smartapp {} as installation {} (grant {})", accountId, app.id(),
                installation.id(), grant.id());
        return grant;
    }

    public void denied(String accountId, AuthorizationRequest request, SmartAppRecord app) {
        if (request.forDevice()) {
            deviceAuthorizations.decide(request.deviceCodeHash(), DeviceAuthorization.Status.DENIED, null);
        }
        audit.record(accountId, AuditEvent.Type.CONSENT_DENIED, "refused to connect " + app.name());
    }
}
