package org.apache.http.conn;

import hearth.engine.sandbox.SmartAppApi;

/**
 * Apache HttpClient's connect timeout, which the classic platform's HTTP calls could throw and
 * apps test for by name ({@code ex instanceof org.apache.http.conn.ConnectTimeoutException}, Echo
 * Speaks). Hearth's requests report a connect timeout as {@link java.net.SocketTimeoutException},
 * so this is never thrown; it exists so that such source compiles and the test is false.
 */
@SmartAppApi
public class ConnectTimeoutException extends java.io.InterruptedIOException {
    public ConnectTimeoutException(String message) {
        super(message);
    }
}
