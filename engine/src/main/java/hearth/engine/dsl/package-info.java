/**
 * The objects app code holds: devices, states, events, location, request, log. Groovy-facing
 * views over the host's plain API types; they never hand an app object back to the host.
 */
package hearth.engine.dsl;
