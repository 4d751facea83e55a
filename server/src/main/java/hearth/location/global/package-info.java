/**
 * The Location directory of the global server: creating Locations on a Server (synced to it
 * through {@code hearth.cluster}) and answering which an Account owns. The record and its table,
 * which a shard keeps a copy of, are {@code hearth.location}.
 */
package hearth.location.global;
