/**
 * Running compiled apps: {@link hearth.engine.runtime.SmartAppScript} is every app's base class
 * (the classic DSL and platform methods), {@link hearth.engine.runtime.CompiledSmartApp} the
 * {@code SmartApp} the host calls, {@link hearth.engine.runtime.CallRunner} the bounded worker
 * pool. Each call has its own {@code CallScope}; nothing here is shared between Installations.
 */
package hearth.engine.runtime;
