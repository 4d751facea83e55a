package hearth.audit;

import java.time.Instant;

/** One security event, as the account owner sees it. {@code detail} names ids, never secrets. */
public record AuditEvent(String id, String accountId, Type type, String detail, String remote, Instant createdAt) {

    public enum Type {
        LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_THROTTLED, CONSENT_GRANTED, CONSENT_DENIED, TOKEN_ISSUED,
        TOKEN_REFRESHED, TOKEN_REVOKED, CODE_REPLAYED, REFRESH_TOKEN_REUSED, SECRET_ROTATED, SMARTAPP_TOKENS_REVOKED,
        INSTALLATION_REMOVED, ACCOUNT_TOKENS_REVOKED, DEVICE_CODE_APPROVED, LOCATION_DELETED,
        SMARTAPP_DELETED, ACCOUNT_CREATED, ACCOUNT_LOCKED, ACCOUNT_UNLOCKED, PASSWORD_RESET, SIGNUP_CHANGED,
        PERSONAL_TOKEN_CREATED, PERSONAL_TOKEN_REVOKED, ROUTINE_EXECUTED, ROUTINE_CHANGED
    }
}
