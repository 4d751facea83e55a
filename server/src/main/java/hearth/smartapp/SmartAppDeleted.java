package hearth.smartapp;

/**
 * The SmartApp is being deleted: published inside the deleting transaction, before its row goes,
 * so what refers to it (grants, tokens, codes, device authorizations) goes first; after the
 * commit, other Servers forget their copies.
 */
public record SmartAppDeleted(SmartAppRecord app) {
}
