/**
 * The modern SmartThings REST API ({@code /v1/locations}, {@code /v1/devices}, with and without
 * the {@code /v1} prefix), so today's clients ({@code @smartthings/core-sdk}, Homebridge plugins,
 * scripts) work against Hearth unchanged: its paths, shapes, capability spelling and error bodies.
 * The controllers do IO only; {@link hearth.modern.SmartThingsApi} holds the rules, and a token
 * reaches only what its scopes name ({@link hearth.oauth.Scopes}).
 */
package hearth.modern;
