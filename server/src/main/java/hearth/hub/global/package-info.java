/**
 * The global server's half of hubs: ownership is checked against the Location directory, then
 * the work goes to the Location's Server through {@code hearth.cluster}; the Server's own half,
 * which holds the connections, is {@code hearth.hub}.
 */
package hearth.hub.global;
