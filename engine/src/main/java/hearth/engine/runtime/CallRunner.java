package hearth.engine.runtime;

import hearth.engine.sandbox.Deadline;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs app code on a bounded pool of daemon threads, so a slow app can't starve the server's own
 * threads, and bounds each call's wall time: at the deadline the worker is interrupted, which the
 * interrupt checks compiled into the app's loops, methods and closures turn into an
 * {@link ExecutionTimeoutSignal}, freeing the thread.
 */
public final class CallRunner implements AutoCloseable {
    private final ThreadPoolExecutor pool;

    private final long maxAllocation;

    public CallRunner(int threads, int queue, long maxAllocation) {
        this.maxAllocation = maxAllocation;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "hearth-smartapp-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), factory);
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * What {@code work} returns, run on a worker thread.
     *
     * @throws ExecutionTimeoutException when it ran longer than {@code timeout} (it is interrupted)
     * @throws EngineBusyException       when every worker is busy and the queue is full
     * @throws Throwable                 whatever {@code work} threw
     */
    public <T> T run(Callable<T> work, Duration timeout) throws Throwable {
        Future<T> future;
        long nanos = timeout.toNanos();
        Callable<T> timed = () -> {
            Deadline.start(nanos, maxAllocation);
            try {
                return work.call();
            } finally {
                Deadline.clear();
            }
        };
        try {
            future = pool.submit(timed);
        } catch (RejectedExecutionException e) {
            throw new EngineBusyException("too many SmartApp calls are running; try again shortly");
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw ExecutionTimeoutException.after(timeout);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    /** Threads currently running app code; for tests and health checks. */
    public int activeCount() {
        return pool.getActiveCount();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
