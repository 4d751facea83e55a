/**
 * The sandbox SmartApp code runs in: {@link hearth.engine.sandbox.SandboxTransformer} rewrites
 * the app's AST so every member access goes through {@link hearth.engine.sandbox.Checker}, which
 * consults the {@link hearth.engine.sandbox.Whitelist}; {@link hearth.engine.sandbox.Deadline}
 * holds the time and allocation limits of the call running on a worker thread.
 */
package hearth.engine.sandbox;
