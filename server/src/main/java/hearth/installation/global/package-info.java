/**
 * The global server's half of Installations: an Account's connected apps on every Server, the
 * audit log and token revocation. The work goes to the Location's Server through
 * {@code hearth.cluster}; the Server's own half (running the SmartApp) is {@code hearth.installation}.
 */
package hearth.installation.global;
