/**
 * The operator's side: the first account (the setup page with its one-time code, and the
 * {@code ./hearth admin} command), and admins' page and API to list accounts, reset a password,
 * lock and unlock, and turn sign-up on or off. To anyone but an admin it doesn't exist: 404, the
 * same answer as for any unknown address.
 */
package hearth.admin;
