package hearth.installation;

/**
 * Tokens a SmartApp makes for its own Installation (classic {@code createAccessToken()}, used by
 * apps that hand their URL to a webhook caller). Implemented by {@code hearth.cluster}, which asks
 * the global server wherever it runs.
 */
public interface InstallationTokens {

    String issueSelfToken(Installation installation);

    void revokeSelfTokens(Installation installation);
}
