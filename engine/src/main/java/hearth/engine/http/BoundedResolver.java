package hearth.engine.http;

import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Name resolution within the request's deadline. The JDK's lookup can't be interrupted and can
 * take as long as the system resolver's retries; run on the app's worker it would keep that worker
 * past the call's time limit. So lookups run on a few daemon threads of their own, and the request
 * stops waiting at its deadline (a stuck lookup then holds one of these threads, not a worker).
 * Address literals need no lookup and are answered at once.
 */
final class BoundedResolver implements AutoCloseable {
    private static final int THREADS = 8;
    private static final int QUEUE = 256;

    private final OutboundPolicy.Resolver resolver;
    private final ThreadPoolExecutor pool;

    BoundedResolver(OutboundPolicy.Resolver resolver) {
        this.resolver = resolver;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "hearth-smartapp-dns-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    InetAddress[] resolve(String host, long deadlineNanos) throws UnknownHostException, SocketTimeoutException {
        if (host.contains(":") || host.matches("[0-9.]+")) {
            return resolver.resolve(host); // a literal: parsed, never looked up
        }
        Future<InetAddress[]> lookup;
        try {
            lookup = pool.submit(() -> resolver.resolve(host));
        } catch (RejectedExecutionException e) {
            throw new SocketTimeoutException("too many DNS lookups are waiting; try again shortly");
        }
        try {
            return lookup.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new SocketTimeoutException("the DNS lookup of " + host + " took longer than the request may");
        } catch (InterruptedException e) {
            lookup.cancel(true);
            Thread.currentThread().interrupt(); // the call's deadline: the interrupt checks end the call
            throw new SocketTimeoutException("the SmartApp call ran out of time during a DNS lookup");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException u) {
                throw u;
            }
            UnknownHostException u = new UnknownHostException(host);
            u.initCause(e.getCause());
            throw u;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
