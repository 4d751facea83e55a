/**
 * What the SmartApp engine needs from its host, and what it gives back. The host (Hearth's
 * server) implements these small interfaces; the engine never sees a database, a servlet or
 * Spring. Every value crossing this boundary is a plain Java type, so the engine's Groovy
 * objects never leak into the host.
 */
package hearth.engine.api;
