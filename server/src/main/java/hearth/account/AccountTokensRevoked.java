package hearth.account;

/** Every grant and token this Account gave any app must be revoked (published inside the caller's transaction). */
public record AccountTokensRevoked(String accountId) {
}
