/**
 * The bottom of the engine: the limits of the call running on a worker thread
 * ({@link hearth.engine.limit.Deadline}: its time and allocation budget) and the signals that end
 * it ({@link hearth.engine.limit.ExecutionTimeoutSignal}, {@link hearth.engine.limit.MemoryLimitSignal}).
 * The runtime starts and clears a call's limits; the sandbox's checks compiled into app code read
 * them. Depends on nothing else in the engine.
 */
package hearth.engine.limit;
