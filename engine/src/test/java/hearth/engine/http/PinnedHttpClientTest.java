package hearth.engine.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written HTTP/1.1 exchange against a server that answers raw bytes. */
class PinnedHttpClientTest {
    ServerSocket server;
    final AtomicReference<String> requestHead = new AtomicReference<>();

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** Serves one connection: reads the request head, then writes {@code answer}, pausing where asked. */
    private OutboundPolicy.Target serve(byte[]... answer) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    head.write(in.read());
                }
                requestHead.set(head.toString(StandardCharsets.ISO_8859_1));
                OutputStream out = s.getOutputStream();
                for (byte[] part : answer) {
                    if (part.length == 0) {
                        Thread.sleep(1500);
                    }
                    out.write(part);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the client gave up: fine
            }
        });
        t.setDaemon(true);
        t.start();
        return new OutboundPolicy.Target("http", "receiver.test", server.getLocalPort(), InetAddress.getLoopbackAddress());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private PinnedHttpClient.Exchange send(OutboundPolicy.Target target, int maxBytes) throws IOException {
        return new PinnedHttpClient().send(target, "GET", "/p?q=1", List.of(Map.entry("Accept", "*/*")), null,
                System.nanoTime() + 1_000_000_000L, maxBytes);
    }

    @Test
    void chunkedBodiesAndTheRequestLine() throws Exception {
        PinnedHttpClient.Exchange e = send(serve(ascii("HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
                + "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nTrailer: x\r\n\r\n")), 1024);
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.reason()).isEqualTo("OK");
        assertThat(new String(e.body(), StandardCharsets.UTF_8)).isEqualTo("hello world");
        // the connection went to the checked address; Host names the URL's host
        assertThat(requestHead.get()).startsWith("GET /p?q=1 HTTP/1.1\r\n")
                .contains("Host: receiver.test:" + server.getLocalPort() + "\r\n").contains("Connection: close\r\n");
    }

    @Test
    void gzipAndCloseDelimitedBodies() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(ascii("{\"a\":1}"));
        }
        PinnedHttpClient.Exchange e = send(serve(ascii("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n"),
                zipped.toByteArray()), 1024);
        assertThat(new String(e.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @Test
    void aGzipBombStopsAtTheLimit() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(new byte[2_000_000]);
        }
        OutboundPolicy.Target t = serve(ascii("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: "
                + zipped.size() + "\r\n\r\n"), zipped.toByteArray());
        assertThatThrownBy(() -> send(t, 100_000)).hasMessageContaining("larger than 100000 bytes");
    }

    @Test
    void aDrippingServerEndsAtTheDeadline() throws Exception {
        OutboundPolicy.Target t = serve(ascii("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nab"), new byte[0], ascii("c"));
        long start = System.nanoTime();
        assertThatThrownBy(() -> send(t, 1024)).isInstanceOf(SocketTimeoutException.class);
        assertThat(System.nanoTime() - start).isLessThan(1_400_000_000L);
    }

    @Test
    void malformedAnswers() throws Exception {
        assertThatThrownBy(() -> send(serve(ascii("SSH-2.0-OpenSSH\r\n\r\n")), 1024)).hasMessageContaining("HTTP/1.x");
        stop();
        assertThatThrownBy(() -> send(serve(ascii("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n")), 1024))
                .hasMessageContaining("Content-Length");
        stop();
        assertThatThrownBy(() -> send(serve(ascii("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")), 1024))
                .hasMessageContaining("before its answer was complete");
    }
}
