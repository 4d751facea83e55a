package hearth.engine.runtime;

import hearth.engine.limit.Deadline;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs app code on a fixed set of daemon worker threads, fairly. Each call belongs to an
 * Installation (its lane) and a SmartApp:
 * <ul>
 *   <li>at most {@code perInstallation} calls of one Installation and {@code perSmartApp} calls of
 *       one SmartApp run at once, so one app's runaway calls can never hold every worker;</li>
 *   <li>waiting calls are taken round-robin across Installations, so a flood from one waits behind
 *       itself, not in front of everyone else;</li>
 *   <li>at most {@code queuedPerInstallation} calls of one Installation wait (and {@code queue} in
 *       all); beyond that a call is refused at once with {@link EngineBusyException};</li>
 *   <li>a call's time limit counts from when it was submitted: at its deadline the caller gets
 *       {@link ExecutionTimeoutException}, a waiting call is dropped and a running one interrupted
 *       (the checks compiled into app code then end it). Its worker, and its share of the
 *       Installation's and SmartApp's slots, come back only when the code has really stopped.</li>
 * </ul>
 */
public final class CallRunner implements AutoCloseable {
    private final long maxAllocation;
    private final int perInstallation;
    private final int perSmartApp;
    private final int queuedPerInstallation;
    private final int maxQueued;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition available = lock.newCondition();
    private final Map<String, Lane> lanes = new HashMap<>();
    private final Map<Object, Integer> runningPerApp = new HashMap<>();
    /** Lanes with waiting calls, in the order they get their next turn. */
    private final ArrayDeque<Lane> turns = new ArrayDeque<>();
    private final Thread[] workers;
    private int queued;
    private int active;
    private boolean closed;

    public CallRunner(int threads, int queue, long maxAllocation, int perInstallation, int perSmartApp,
                      int queuedPerInstallation) {
        this.maxAllocation = maxAllocation;
        this.perInstallation = perInstallation;
        this.perSmartApp = perSmartApp;
        this.queuedPerInstallation = queuedPerInstallation;
        this.maxQueued = queue;
        AtomicInteger n = new AtomicInteger();
        workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::serve, "hearth-smartapp-" + n.incrementAndGet());
            t.setDaemon(true);
            workers[i] = t;
            t.start();
        }
    }

    /** Registration-time work (no Installation yet): one lane of its own. */
    public <T> T run(Callable<T> work, Duration timeout) throws Throwable {
        return run("registration", "registration", work, timeout);
    }

    /**
     * What {@code work} returns, run on a worker thread as a call of this Installation and SmartApp.
     *
     * @throws ExecutionTimeoutException when it did not end within {@code timeout} of being submitted
     * @throws EngineBusyException       when too many calls (of this Installation, or in all) wait
     * @throws Throwable                 whatever {@code work} threw
     */
    public <T> T run(String installation, Object smartApp, Callable<T> work, Duration timeout) throws Throwable {
        Task<T> task = new Task<>(work, System.nanoTime() + timeout.toNanos());
        lock.lock();
        try {
            if (closed) {
                throw new EngineBusyException("the engine is shutting down");
            }
            Lane lane = lanes.computeIfAbsent(installation, k -> new Lane(k, smartApp));
            if (lane.waiting.size() >= queuedPerInstallation) {
                throw new EngineBusyException("this Installation has " + lane.waiting.size()
                        + " calls waiting already; try again shortly");
            }
            if (queued >= maxQueued) {
                throw new EngineBusyException("too many SmartApp calls are running; try again shortly");
            }
            lane.waiting.add(task);
            task.lane = lane;
            queued++;
            if (!lane.inTurns) {
                lane.inTurns = true;
                turns.addLast(lane);
            }
            available.signal();
        } finally {
            lock.unlock();
        }
        try {
            if (!task.done.await(Math.max(0, task.deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                abandon(task);
                if (!task.done.await(0, TimeUnit.NANOSECONDS) || task.state != State.FINISHED) {
                    throw ExecutionTimeoutException.after(timeout);
                }
            }
        } catch (InterruptedException e) {
            abandon(task);
            Thread.currentThread().interrupt();
            throw e;
        }
        if (task.state != State.FINISHED) {
            throw ExecutionTimeoutException.after(timeout);
        }
        if (task.failure != null) {
            throw task.failure;
        }
        return task.result;
    }

    /** The caller gave up: a waiting call leaves its lane, a running one is interrupted. */
    private void abandon(Task<?> task) {
        lock.lock();
        try {
            if (task.state == State.WAITING) {
                task.lane.waiting.remove(task);
                queued--;
                task.state = State.DROPPED;
                task.done.countDown();
                forget(task.lane);
            } else if (task.state == State.RUNNING && task.worker != null) {
                task.worker.interrupt();
            }
        } finally {
            lock.unlock();
        }
    }

    private void serve() {
        while (true) {
            Task<?> task;
            lock.lock();
            try {
                while ((task = next()) == null) {
                    if (closed) {
                        return;
                    }
                    available.awaitUninterruptibly();
                }
                task.state = State.RUNNING;
                task.worker = Thread.currentThread();
                active++;
            } finally {
                lock.unlock();
            }
            try {
                runOne(task);
            } finally {
                Thread.interrupted(); // an interrupt meant for this call must not reach the next
                lock.lock();
                try {
                    active--;
                    Lane lane = task.lane;
                    lane.running--;
                    runningPerApp.merge(lane.smartApp, -1, Integer::sum);
                    runningPerApp.remove(lane.smartApp, 0);
                    if (!lane.waiting.isEmpty() && !lane.inTurns) {
                        lane.inTurns = true;
                        turns.addLast(lane);
                    }
                    forget(lane);
                    available.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    private <T> void runOne(Task<T> task) {
        long left = task.deadline - System.nanoTime();
        if (left <= 0) {
            task.state = State.DROPPED;
            task.done.countDown();
            return;
        }
        Deadline.start(left, maxAllocation);
        try {
            task.result = task.work.call();
        } catch (Throwable t) {
            task.failure = t;
        } finally {
            Deadline.clear();
            task.state = State.FINISHED;
            task.done.countDown();
        }
    }

    /** The next call to run: the first lane in turn whose Installation and SmartApp have a free share. */
    private Task<?> next() {
        for (int i = turns.size(); i > 0; i--) {
            Lane lane = turns.pollFirst();
            if (lane.waiting.isEmpty()) {
                lane.inTurns = false;
                continue;
            }
            if (lane.running < perInstallation && runningPerApp.getOrDefault(lane.smartApp, 0) < perSmartApp) {
                Task<?> task = lane.waiting.pollFirst();
                queued--;
                lane.running++;
                runningPerApp.merge(lane.smartApp, 1, Integer::sum);
                if (lane.waiting.isEmpty()) {
                    lane.inTurns = false;
                } else {
                    turns.addLast(lane); // its next call waits for everyone else's turn
                }
                return task;
            }
            turns.addLast(lane);
        }
        return null;
    }

    private void forget(Lane lane) {
        if (lane.running == 0 && lane.waiting.isEmpty() && !lane.inTurns) {
            lanes.remove(lane.installation, lane);
        }
    }

    /** Threads currently running app code; for tests and health checks. */
    public int activeCount() {
        lock.lock();
        try {
            return active;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            for (Lane lane : lanes.values()) {
                for (Task<?> t : lane.waiting) {
                    t.state = State.DROPPED;
                    t.done.countDown();
                }
                lane.waiting.clear();
            }
            turns.clear();
            available.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread t : workers) {
            t.interrupt();
        }
    }

    private enum State { WAITING, RUNNING, FINISHED, DROPPED }

    private static final class Lane {
        final String installation;
        final Object smartApp;
        final ArrayDeque<Task<?>> waiting = new ArrayDeque<>();
        int running;
        boolean inTurns;

        Lane(String installation, Object smartApp) {
            this.installation = installation;
            this.smartApp = smartApp;
        }
    }

    private static final class Task<T> {
        final Callable<T> work;
        final long deadline;
        final CountDownLatch done = new CountDownLatch(1);
        volatile State state = State.WAITING;
        volatile Thread worker;
        Lane lane;
        T result;
        Throwable failure;

        Task(Callable<T> work, long deadline) {
            this.work = work;
            this.deadline = deadline;
        }
    }
}
