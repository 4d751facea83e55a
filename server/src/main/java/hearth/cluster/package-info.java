/**
 * Routing between Servers: {@link hearth.cluster.Shards} hands the global halves
 * ({@code hearth.*.global}) this process's own Server or another one over the internal API, and
 * each Server answers that API with its own halves ({@code hearth.device},
 * {@code hearth.installation}). It sits between the two, so neither half reaches the other directly.
 */
package hearth.cluster;
