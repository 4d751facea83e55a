package hearth.account;

import java.time.Instant;

/** A person. The password hash never leaves the account package's repository and login. */
public record Account(String id, String username, Instant createdAt) {
}
