/**
 * The few names of HTTPBuilder (the library behind classic SmartThings' {@code httpGet} and
 * friends) that classic apps write in their source: the exceptions they catch and
 * {@code ContentType}. Hearth's own implementation is {@code hearth.engine.http}.
 */
package groovyx.net.http;
