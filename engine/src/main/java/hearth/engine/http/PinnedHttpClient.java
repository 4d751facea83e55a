package hearth.engine.http;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * One HTTP/1.1 exchange over a socket connected to the address the {@link OutboundPolicy} checked.
 * Why not {@code java.net.http}: on Java 17 it resolves the host name itself, at connect time, with
 * no hook to give it an address, so a DNS answer that changes between the check and the connection
 * would reach a forbidden address. Here the socket goes to the checked address, while TLS still
 * sends the host name (SNI) and verifies the certificate against it. {@code Connection: close}
 * keeps the protocol to its simplest part; every read is bounded by the request's deadline and the
 * body by a byte limit.
 */
final class PinnedHttpClient {
    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;

    /** The raw answer: headers in the order received. */
    record Exchange(int status, String reason, List<Map.Entry<String, String>> headers, byte[] body) {
        String header(String name) {
            for (Map.Entry<String, String> h : headers) {
                if (h.getKey().equalsIgnoreCase(name)) {
                    return h.getValue();
                }
            }
            return null;
        }
    }

    Exchange send(OutboundPolicy.Target target, String method, String pathAndQuery,
                  List<Map.Entry<String, String>> headers, byte[] body, long deadlineNanos, int maxBytes)
            throws IOException {
        try (Socket socket = connect(target, deadlineNanos)) {
            OutputStream out = socket.getOutputStream();
            out.write(head(target, method, pathAndQuery, headers, body).getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            Reader in = new Reader(socket, deadlineNanos);
            String statusLine;
            int status;
            List<Map.Entry<String, String>> received;
            do { // 1xx answers (100 Continue) come before the real one
                statusLine = in.line();
                status = statusOf(statusLine);
                received = in.headers();
            } while (status >= 100 && status < 200);
            byte[] content = method.equals("HEAD") || status == 204 || status == 304 ? new byte[0]
                    : body(in, received, maxBytes);
            String reason = statusLine.length() > 13 ? statusLine.substring(13).trim() : "";
            return new Exchange(status, reason, received, decode(content, received, maxBytes));
        }
    }

    private static Socket connect(OutboundPolicy.Target target, long deadlineNanos) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(target.address(), target.port()), remainingMillis(deadlineNanos));
            socket.setSoTimeout(remainingMillis(deadlineNanos));
            if (!target.tls()) {
                return socket;
            }
            SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(socket, target.host(), target.port(), true);
            SSLParameters p = tls.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the URL's host
            if (!target.host().contains(":") && !target.host().matches("[0-9.]+")) {
                p.setServerNames(List.of(new SNIHostName(target.host())));
            }
            tls.setSSLParameters(p);
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static String head(OutboundPolicy.Target target, String method, String pathAndQuery,
                               List<Map.Entry<String, String>> headers, byte[] body) {
        StringBuilder b = new StringBuilder();
        b.append(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n");
        String host = target.host().contains(":") ? "[" + target.host() + "]" : target.host();
        boolean defaultPort = target.port() == (target.tls() ? 443 : 80);
        b.append("Host: ").append(host).append(defaultPort ? "" : ":" + target.port()).append("\r\n");
        b.append("Connection: close\r\n");
        boolean agent = false;
        for (Map.Entry<String, String> h : headers) {
            b.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            agent |= h.getKey().equalsIgnoreCase("User-Agent");
        }
        if (!agent) {
            b.append("User-Agent: Hearth-SmartApp\r\n");
        }
        if (body != null) {
            b.append("Content-Length: ").append(body.length).append("\r\n");
        }
        return b.append("\r\n").toString();
    }

    private static int statusOf(String line) throws IOException {
        if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
            throw new IOException("the server did not answer HTTP/1.x");
        }
        try {
            return Integer.parseInt(line.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("the server answered a malformed status line");
        }
    }

    private static byte[] body(Reader in, List<Map.Entry<String, String>> headers, int maxBytes) throws IOException {
        String encoding = value(headers, "Transfer-Encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                String size = in.line();
                int semi = size.indexOf(';');
                long n;
                try {
                    n = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("the server sent a malformed chunk");
                }
                if (n == 0) {
                    in.headers(); // trailers
                    return out.toByteArray();
                }
                if (n < 0) {
                    throw new IOException("the server sent a malformed chunk");
                }
                if (out.size() + n > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(in.exactly((int) n));
                in.line();
            }
        }
        String length = value(headers, "Content-Length");
        if (length != null) {
            long n;
            try {
                n = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw new IOException("the server sent a malformed Content-Length");
            }
            if (n < 0) {
                throw new IOException("the server sent a malformed Content-Length");
            }
            if (n > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return in.exactly((int) n);
        }
        return in.rest(maxBytes);
    }

    /** Asked for none, but some servers gzip anyway; the limit holds for the unpacked size too. */
    private static byte[] decode(byte[] content, List<Map.Entry<String, String>> headers, int maxBytes)
            throws IOException {
        String encoding = value(headers, "Content-Encoding");
        if (encoding == null || !encoding.trim().equalsIgnoreCase("gzip") || content.length == 0) {
            return content;
        }
        try (InputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(content))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int r;
            while ((r = gz.read(buf)) != -1) {
                if (out.size() + r > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buf, 0, r);
            }
            return out.toByteArray();
        }
    }

    private static String value(List<Map.Entry<String, String>> headers, String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    static ResponseTooLargeIOException tooLarge(int maxBytes) {
        return new ResponseTooLargeIOException("the response is larger than " + maxBytes
                + " bytes, the limit for SmartApps on this server");
    }

    static int remainingMillis(long deadlineNanos) throws SocketTimeoutException {
        long ms = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (ms <= 0) {
            throw new SocketTimeoutException("the request ran out of time");
        }
        return (int) Math.min(ms, Integer.MAX_VALUE);
    }

    /** A too-large body is an I/O failure of the request, as a broken connection would be. */
    static final class ResponseTooLargeIOException extends IOException {
        ResponseTooLargeIOException(String message) {
            super(message);
        }
    }

    /** Reads lines and bytes, each read bounded by what is left of the deadline. */
    private static final class Reader {
        private final Socket socket;
        private final InputStream in;
        private final long deadlineNanos;

        Reader(Socket socket, long deadlineNanos) throws IOException {
            this.socket = socket;
            this.in = new java.io.BufferedInputStream(socket.getInputStream());
            this.deadlineNanos = deadlineNanos;
        }

        private int read() throws IOException {
            socket.setSoTimeout(remainingMillis(deadlineNanos));
            return in.read();
        }

        String line() throws IOException {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = read()) != -1) {
                if (c == '\n') {
                    int len = b.length();
                    return len > 0 && b.charAt(len - 1) == '\r' ? b.substring(0, len - 1) : b.toString();
                }
                if (b.length() >= MAX_LINE) {
                    throw new IOException("the server sent a header line longer than " + MAX_LINE + " bytes");
                }
                b.append((char) c);
            }
            throw new IOException("the server closed the connection before its answer was complete");
        }

        List<Map.Entry<String, String>> headers() throws IOException {
            List<Map.Entry<String, String>> out = new ArrayList<>();
            String line;
            while (!(line = line()).isEmpty()) {
                if (out.size() >= MAX_HEADERS) {
                    throw new IOException("the server sent more than " + MAX_HEADERS + " headers");
                }
                int colon = line.indexOf(':');
                if (colon > 0) {
                    out.add(Map.entry(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
                }
            }
            return out;
        }

        byte[] exactly(int n) throws IOException {
            byte[] out = new byte[n];
            int off = 0;
            while (off < n) {
                socket.setSoTimeout(remainingMillis(deadlineNanos));
                int r = in.read(out, off, n - off);
                if (r == -1) {
                    throw new IOException("the server closed the connection before its answer was complete");
                }
                off += r;
            }
            return out;
        }

        byte[] rest(int maxBytes) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (true) {
                socket.setSoTimeout(remainingMillis(deadlineNanos));
                int r = in.read(buf);
                if (r == -1) {
                    return out.toByteArray();
                }
                if (out.size() + r > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buf, 0, r);
            }
        }
    }
}
