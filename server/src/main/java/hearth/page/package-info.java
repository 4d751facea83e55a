/**
 * What every page for people shares: the header's model (the signed-in account, the current
 * path, whether sign-up is open) and refusals answered as pages. Templates: {@code fragments.html}.
 */
package hearth.page;
