/**
 * The global server's half of devices: an Account's devices wherever they live. Ownership is
 * checked against the Location directory, then the work goes to the Location's Server through
 * {@code hearth.cluster}; the Server's own half is {@code hearth.device}.
 */
package hearth.device.global;
