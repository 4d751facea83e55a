/**
 * The global server's half of the app log: a SmartApp's developer reads its lines from every
 * Server that hosts its Installations, merged in time order under one cursor; an Installation's
 * owner reads the summary of a failure by its reference. The lines live on the Servers
 * ({@code hearth.applog}).
 */
package hearth.applog.global;
