package hearth.engine;

import hearth.engine.api.SmartApp;
import hearth.engine.api.SmartAppCompilationException;
import hearth.engine.compile.ScriptCompiler;
import hearth.engine.http.OutboundHttp;
import hearth.engine.runtime.AppDescriber;
import hearth.engine.runtime.CallRunner;
import hearth.engine.runtime.SmartAppScript;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compiles classic SmartApp Groovy sources. One engine per process; it keeps compiled classes
 * for each source version so a handler call never recompiles.
 */
public final class SmartAppEngine implements AutoCloseable {
    private static final int CACHE_SIZE = 512;
    /** Real SmartApps are a few KB to a few hundred; anything larger is refused before parsing. */
    public static final int MAX_SOURCE_CHARS = 512 * 1024;

    private final EngineSettings settings;
    private final CallRunner runner;
    private final ScriptCompiler compiler;
    private final AppDescriber describer;
    private final OutboundHttp outbound;
    private final Map<String, SmartApp> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, SmartApp> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    public SmartAppEngine(EngineSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.runner = new CallRunner(settings.maxConcurrentCalls(), settings.maxQueuedCalls(),
                settings.maxCallAllocation(), settings.shares().perInstallation(), settings.shares().perSmartApp(),
                settings.shares().queuedPerInstallation());
        this.compiler = new ScriptCompiler(List.of());
        this.outbound = new OutboundHttp(settings.outbound());
        this.describer = new AppDescriber(runner, settings.callTimeout(), outbound);
    }

    /**
     * The compiled app for this source; the same instance for the same source text.
     *
     * @throws SmartAppCompilationException when it doesn't compile, breaks a sandbox rule, or lacks
     *                                      {@code definition} or {@code mappings}
     */
    public SmartApp compile(String source) throws SmartAppCompilationException {
        Objects.requireNonNull(source, "source");
        if (source.length() > MAX_SOURCE_CHARS) {
            throw new SmartAppCompilationException(List.of(new hearth.engine.api.CompilationProblem(0, 0,
                    "the source is " + source.length() + " characters; the limit is " + MAX_SOURCE_CHARS)));
        }
        String hash = sha256(source);
        SmartApp cached = cache.get(hash);
        if (cached != null) {
            return cached;
        }
        Class<? extends SmartAppScript> cls = compiler.compile(source, "SmartApp_" + hash.substring(0, 16));
        SmartApp app = describer.describe(cls);
        cache.putIfAbsent(hash, app);
        return cache.get(hash);
    }

    /** Worker threads running app code right now (a stuck or slow app shows here); for health checks. */
    public int activeCalls() {
        return runner.activeCount();
    }

    public EngineSettings settings() {
        return settings;
    }

    /** Stops the worker threads (calls in flight are interrupted) and outbound HTTP's lookups. */
    @Override
    public void close() {
        runner.close();
        outbound.close();
    }

    private static String sha256(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
