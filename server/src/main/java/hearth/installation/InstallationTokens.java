package hearth.installation;

/**
 * Tokens a SmartApp makes for its own Installation (classic {@code createAccessToken()}, used by
 * apps that hand their URL to a webhook caller). Implemented by the OAuth package.
 */
public interface InstallationTokens {

    String issueSelfToken(Installation installation);

    void revokeSelfTokens(Installation installation);
}
