/** The one name of Apache HttpClient that classic apps write: {@code ConnectTimeoutException}. */
package org.apache.http.conn;
