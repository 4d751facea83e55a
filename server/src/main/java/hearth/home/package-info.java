/**
 * The signed-in home: an Account's Locations with their devices' live state, modes and connected
 * apps; making, renaming and deleting Locations and virtual devices; changing state by hand; and
 * the live stream of changes ({@code /live}, Server-Sent Events) that keeps an open page current.
 * Signed out, {@code /} says what Hearth is.
 */
package hearth.home;
