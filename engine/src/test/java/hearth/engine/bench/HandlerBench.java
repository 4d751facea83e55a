package hearth.engine.bench;

import hearth.engine.EngineSettings;
import hearth.engine.SmartAppEngine;
import hearth.engine.api.HandlerOutcome;
import hearth.engine.api.SmartApp;
import hearth.engine.support.FakeContext;
import hearth.engine.support.FakeDevice;
import hearth.engine.support.Requests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Calls per second of a handler that reads ten devices, in the engine alone (no HTTP, no
 * database): what the sandbox and the DSL cost. A benchmark, not a test: run it with
 * {@code bench/engine}, read the numbers in engine/README.md.
 */
public final class HandlerBench {
    private static final String SOURCE = """
            definition(name: "Bench", namespace: "bench", author: "bench", description: "d", category: "c", oauth: true)
            preferences { section("s") { input "switches", "capability.switch", multiple: true } }
            mappings { path("/devices") { action: [GET: "list"] } }
            def list() {
                switches.collect { [id: it.id, name: it.displayName, value: it.currentValue("switch")] }
            }
            """;

    private HandlerBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (SmartAppEngine engine = new SmartAppEngine(EngineSettings.defaults())) {
            SmartApp app = engine.compile(SOURCE);
            run(app, 2, Math.max(10, seconds)); // the JIT's warm-up, not counted: its threads' CPU would be
            for (int threads : new int[]{1, 2, 4}) {
                run(app, threads, 3);
                long cpuBefore = processCpuNanos();
                long[] calls = new long[1];
                double rate = run(app, threads, seconds, calls);
                double cpuPerCall = (processCpuNanos() - cpuBefore) / 1_000.0 / calls[0];
                // CPU per call counts every thread of the process (the engine's workers, GC, JIT), so it
                // stays comparable on a machine that other work keeps busy; calls/s does not
                System.out.printf("%d thread(s): %,.0f calls/s (%.1f µs per call per thread), %.1f µs CPU per call%n",
                        threads, rate, threads * 1_000_000 / rate, cpuPerCall);
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double run(SmartApp app, int threads, int seconds) throws InterruptedException {
        return run(app, threads, seconds, new long[1]);
    }

    private static double run(SmartApp app, int threads, int seconds, long[] counted) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder calls = new LongAdder();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            FakeContext context = new FakeContext("inst-" + t);
            FakeDevice[] devices = new FakeDevice[10];
            for (int i = 0; i < devices.length; i++) {
                devices[i] = FakeDevice.switchNamed("Switch " + i, i % 2 == 0 ? "on" : "off");
            }
            context.with("switches", devices);
            Thread worker = new Thread(() -> {
                while (!stop.get()) {
                    HandlerOutcome outcome = app.handle(Requests.get("/devices"), context);
                    if (!(outcome instanceof HandlerOutcome.Response)) {
                        throw new IllegalStateException("unexpected " + outcome);
                    }
                    calls.increment();
                }
            });
            workers.add(worker);
            worker.start();
        }
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        counted[0] = calls.sum();
        return calls.sum() / elapsed;
    }
}
