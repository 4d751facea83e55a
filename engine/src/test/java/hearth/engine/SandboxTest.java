package hearth.engine;

import hearth.engine.api.HandlerOutcome;
import hearth.engine.api.HandlerOutcome.Response;
import hearth.engine.api.PreferenceInput;
import hearth.engine.api.SmartApp;
import hearth.engine.api.SmartAppCompilationException;
import hearth.engine.support.FakeContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static hearth.engine.support.Engines.HEADER;
import static hearth.engine.support.Engines.app;
import static hearth.engine.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sandbox rules beyond the hostile corpus: what still works, and how refusals read. */
class SandboxTest {
    static final SmartAppEngine engine = hearth.engine.support.Engines.quick();

    @AfterAll
    static void close() {
        engine.close();
    }

    private static String run(String handlerBody) {
        SmartApp a = app(engine, "mappings { path(\"/x\") { action: [GET: \"x\"] } }\ndef x() {\n" + handlerBody + "\n}\n");
        HandlerOutcome out = a.handle(get("/x"), new FakeContext());
        if (out instanceof HandlerOutcome.Failure f) {
            return f.type() + ": " + f.message();
        }
        return ((Response) out).body();
    }

    private static SmartAppCompilationException refused(String body) {
        try {
            engine.compile(HEADER + "mappings { }\n" + body);
        } catch (SmartAppCompilationException e) {
            return e;
        }
        throw new AssertionError("was not refused: " + body);
    }

    @Test
    void ordinaryGroovyStillWorks() {
        assertThat(run("""
                def local = { a, b -> a + b }
                def list = [3, 1, 2].sort()
                def m = [a: 1]
                m.b = 2
                m["c"] = 3
                m.a += 10
                m.b++
                list[0] = 9
                def s = "Hello" + " " + 'World'
                def counts = "banana".toList().countBy { it }
                def viaWith = [1, 2, 3].with { size() }
                def mapWith = [q: 5].with { q * 2 }
                def nested = { -> { -> local(1, 2) }() }()
                def printed = [1].collect { sprintf("%03d", it) }
                def parsed = Date.parse("yyyy-MM-dd", "2020-01-02").format("dd.MM.yyyy")
                def zoned = new Date(0).format("yyyy-MM-dd HH:mm", location.timeZone)
                def md5 = java.security.MessageDigest.getInstance("MD5").digest("x".bytes).encodeHex().toString()
                def fixed = List.of(1, 2) + Map.of("k", 1).keySet() + [(2.345G).setScale(2, java.math.RoundingMode.HALF_UP)]
                [sum: local(2, 3), list: list, m: m, s: s.toUpperCase(), b: counts.b, viaWith: viaWith,
                 mapWith: mapWith, nested: nested, printed: printed, parsed: parsed, zoned: zoned, md5: md5, fixed: fixed, max: Math.max(3, 4), pi: Math.PI > 3, joined: String.join("-", ["a", "b"]),
                 uuid: UUID.randomUUID().toString().size(), strategy: Closure.DELEGATE_FIRST, big: Integer.MAX_VALUE,
                 date: new Date(0).time, range: (1..4).sum(), regex: ("a1b2" =~ /\\d/).collect { it }]
                """)).isEqualTo("{\"sum\":5,\"list\":[9,2,3],\"m\":{\"a\":11,\"b\":3,\"c\":3},\"s\":\"HELLO WORLD\","
                + "\"b\":1,\"viaWith\":3,\"mapWith\":10,\"nested\":3,\"printed\":[\"001\"],\"parsed\":\"02.01.2020\",\"zoned\":\"1970-01-01 01:00\",\"md5\":\"9dd4e461268c8034f5c8564e155c67a6\",\"fixed\":[1,2,\"k\",2.35],\"max\":4,\"pi\":true,\"joined\":\"a-b\",\"uuid\":36,"
                + "\"strategy\":1,\"big\":2147483647,\"date\":0,\"range\":10,\"regex\":[\"1\",\"2\"]}");
    }

    /** SmartTiles looks its weather icon up with a key that is null until the station reports one. */
    @Test
    void aMapIndexedWithNullAnswersAsGroovyDoes() {
        assertThat(run("""
                def icons = [clear: "wi-day-sunny"]
                def key = null
                def m = [:]
                m[key] = 1
                [missing: icons[key], kept: m[null], size: m.size()]
                """)).isEqualTo("{\"missing\":null,\"kept\":1,\"size\":1}");
    }

    @Test
    void scriptLevelClosuresAndFields() {
        SmartApp a = app(engine, """
                import groovy.transform.Field
                @Field def greet = { name -> "hi " + name }
                @Field final Map DEFAULTS = [level: 50]
                mappings { path("/x") { action: [GET: "x"] } }
                def helper(x) { x * 2 }
                def x() { [greet: greet("you"), level: DEFAULTS.level, helped: helper(21), list: [1, 2].collect { helper(it) }] }
                """);
        assertThat(a.handle(get("/x"), new FakeContext())).asString()
                .contains("{\"greet\":\"hi you\",\"level\":50,\"helped\":42,\"list\":[2,4]}");
    }

    @Test
    void oneInstallationCannotLeaveDataForAnotherInStaticFields() {
        // a SmartApp is installed by many accounts and its class is shared, so a static field was a channel
        // between their Installations: unguarded, Installation B's call answered ["secret of A","B"]
        String handler = "mappings { path('/x') { action: [GET: 'x'] } }\n"
                + "def x() { shared << (shared.size() == 0 ? 'secret of A' : 'B'); shared }";
        for (String field : new String[] {"@Field static List shared = []", "@Field static shared = [:]"}) {
            assertThatThrownBy(() -> engine.compile(HEADER + "import groovy.transform.Field\n" + field + "\n" + handler))
                    .as(field).isInstanceOf(SmartAppCompilationException.class)
                    .hasMessageContaining("may not be static unless it is final");
        }
        SmartApp frozen = app(engine, "import groovy.transform.Field\n@Field static final List shared = []\n" + handler);
        assertThat(frozen.handle(get("/x"), new FakeContext("a"))).isInstanceOf(HandlerOutcome.Failure.class);
        assertThat(frozen.handle(get("/x"), new FakeContext("b"))).isInstanceOf(HandlerOutcome.Failure.class)
                .asString().doesNotContain("secret of A");
        for (String field : new String[] {"@Field static final Map nested = [a: [1, 2]]", "@Field static final Set s = [1] as Set"}) {
            SmartApp a = app(engine, "import groovy.transform.Field\n" + field + "\n"
                    + "mappings { path('/x') { action: [GET: 'x'] } }\ndef x() { " + (field.contains("nested")
                    ? "nested.a << 3" : "s << 2") + " }");
            assertThat(a.handle(get("/x"), new FakeContext("a"))).as(field).isInstanceOf(HandlerOutcome.Failure.class);
        }
        // a closure (it may capture a mutable local) or any other object is not a constant
        assertThat(run("1")).isEqualTo("1");
        assertThatThrownBy(() -> app(engine, "import groovy.transform.Field\n"
                + "@Field static final Closure C = { def l = []; return { -> l << 1; l } }()\n"
                + "mappings { path('/x') { action: [GET: 'x'] } }\ndef x() { C() }").handle(get("/x"), new FakeContext()))
                .hasMessageContaining("only constants");
        // constants stay, as classic apps declare their tables
        SmartApp a = app(engine, """
                import groovy.transform.Field
                @Field static final String PREFIX = "hi "
                @Field static final int LIMIT = 3
                @Field static final Map LOG_LEVELS = [0: "Off", 1: "Error", 2: "Warn"]
                mappings { path("/x") { action: [GET: "x"] } }
                def x() { [p: PREFIX + LIMIT, levels: LOG_LEVELS.collect { k, v -> v }, warn: LOG_LEVELS[2]] }
                """);
        assertThat(a.handle(get("/x"), new FakeContext())).asString()
                .contains("{\"p\":\"hi 3\",\"levels\":[\"Off\",\"Error\",\"Warn\"],\"warn\":\"Warn\"}");
    }

    @Test
    void refusalsNameTheConstructAndTheLine() {
        assertThat(refused("def x() {\n  new File('/tmp/x')\n}").problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("java.io.File").contains("not available");
        });
        assertThat(refused("def x() { System.currentTimeMillis() }").getMessage()).contains("java.lang.System");
        assertThat(refused("def x() { 'ls'.execute() }").getMessage()).contains("'execute'");
        assertThat(refused("def x() { this.&x }").getMessage()).contains("method pointers");
        assertThat(refused("def x(a = 'ls'.execute()) { a }").getMessage()).contains("'execute'");
        assertThat(refused("static def x() { new File('/tmp/x') }").getMessage()).contains("java.io.File");
        assertThat(refused("def x() { synchronized (this) { 1 } }").getMessage()).contains("synchronized");
        assertThat(refused("import java.io.*\ndef x() { new File('/tmp/x') }").getMessage()).contains("java.io.File");
        assertThat(refused("import static java.lang.System.*\ndef x() { }").getMessage()).contains("static star imports");
        assertThat(refused("class A { }").getMessage()).contains("declaring classes");
        assertThat(refused("def x() { 'a'.metaClass }").getMessage()).contains("'metaClass'");
        assertThat(refused("def x() { [:].@foo }").getMessage()).contains("'.@'");
    }

    /** Real apps write both; their code is checked like any other. */
    @Test
    void defaultParameterValuesAndStaticMethodsWork() {
        SmartApp a = app(engine, """
                mappings { path("/x") { action: [GET: "x"] } }
                def x() { [greet(), greet("you", 2), version(), twice(21), withClosure()] }
                def greet(who = "world", times = [1].size()) { "hi " + who * times }
                static String version() { "1." + minor() }
                private static minor() { 2 }
                static twice(n) { n * 2 }
                def withClosure() { def f = { a, b = 3 -> a + b }; f(1) }
                """);
        assertThat(a.handle(get("/x"), new FakeContext())).asString()
                .contains("[\"hi world\",\"hi youyou\",\"1.2\",42,4]");
        assertThat(run("def f = { a, b = 'x'.\"${'exe' + 'cute'}\"() -> a }; f(1)"))
                .startsWith("SandboxViolationException");
        // the compiler's static main() would run the app's top-level code outside any call
        SmartApp m = app(engine, """
                mappings { path("/x") { action: [GET: "x"] } }
                def x() { hop() }
                static hop() { this.main(new String[0]) }
                """);
        assertThat(m.handle(get("/x"), new FakeContext())).isInstanceOfSatisfying(HandlerOutcome.Failure.class,
                f -> assertThat(f.message()).contains("main"));
        // from a closure (preferences, each) the app's static methods are called on the script: still its own,
        // as Switch API's preferences { for (c in capabilities()) ... }; main() and the compiler's $ methods never
        SmartApp inClosures = app(engine, """
                preferences { section { for (c in capabilities()) { input c.key, "capability.${c.key}", required: false } } }
                mappings { path("/x") { action: [GET: "x"] }
                           path("/main") { action: [GET: "callsMain"] }
                           path("/meta") { action: [GET: "meta"] } }
                def x() { [1, 2].collect { twice(it) } + capabilities().keySet() }
                def callsMain() { [1].each { main(new String[0]) } }
                def meta() { [1].collect { $getStaticMetaClass() } }
                private static Map capabilities() { [switch: [n: "Switch"], lock: [n: "Lock"]] }
                static twice(n) { n * 2 }
                """);
        assertThat(inClosures.inputs()).extracting(PreferenceInput::name).containsExactly("switch", "lock");
        assertThat(inClosures.handle(get("/x"), new FakeContext())).asString().contains("[2,4,\"switch\",\"lock\"]");
        assertThat(inClosures.handle(get("/main"), new FakeContext())).isInstanceOfSatisfying(HandlerOutcome.Failure.class,
                f -> assertThat(f.message()).contains("main"));
        assertThat(inClosures.handle(get("/meta"), new FakeContext())).isInstanceOfSatisfying(HandlerOutcome.Failure.class,
                f -> assertThat(f.type()).isIn("SandboxViolationException", "MissingMethodException"));
    }

    @Test
    void runTimeRefusalsAreSandboxViolations() {
        assertThat(run("def n = 'get' + 'Class'; 'x'.\"$n\"()"))
                .startsWith("SandboxViolationException: not allowed in a SmartApp: java.lang.String.getClass()");
        assertThat(run("def c = { -> 1 }; def n = 'dele' + 'gate'; c.\"$n\" = 'x'; c()"))
                .startsWith("SandboxViolationException");
        assertThat(run("def n = 'sle' + 'ep'; \"$n\"(10)")).startsWith("SandboxViolationException");
        assertThat(run("def n = 'get' + 'Binding'; this.\"$n\"()")).startsWith("SandboxViolationException");
        // Groovy answers the real meta class for map.metaClass, not map.get("metaClass")
        assertThat(run("def n = 'meta' + 'Class'; state.\"$n\"")).startsWith("SandboxViolationException");
        assertThat(run("def n = 'meta' + 'Class'; state.\"$n\" = [:]")).startsWith("SandboxViolationException");
        assertThat(run("def n = 'set' + 'Default'; location.timeZone.\"$n\"(null)")).startsWith("SandboxViolationException");
        assertThat(run("def m = 'exe' + 'cute'; ['ls'].with { \"$m\"() }")).startsWith("SandboxViolationException");
        assertThat(run("[compareTo: { 0 }] as Comparable")).startsWith("SandboxViolationException");
        assertThat(run("[1: 'a', '2': 3.5, l: [1, 1] as Set, n: '7' as Integer, d: 2 as double, a: [1, 2] as int[]]"))
                .isEqualTo("{\"1\":\"a\",\"2\":3.5,\"l\":[1],\"n\":7,\"d\":2.0,\"a\":[1,2]}");
    }

    @Test
    void onlyPlainDataIsWalkedIntoJson() {
        assertThat(run("[s: [1].iterator()]")).isEqualTo("{\"s\":[1]}");
        // a stream is not data, and may run closures on other threads: not available at all
        assertThatThrownBy(() -> engine.compile(hearth.engine.support.Engines.HEADER
                + "mappings { path('/x') { action: [GET: 'x'] } }\ndef x() { 'x'.chars() }"))
                .hasMessageContaining("calling 'chars' on java.lang.String is not allowed");
        assertThat(run("def n = 'str' + 'eam'; [1, 2].\"$n\"().count()")).startsWith("SandboxViolationException");
    }

    @Test
    void runawayRegularExpressionsStop() throws Exception {
        try (SmartAppEngine impatient = hearth.engine.support.Engines.impatient()) {
            // (.*a){25} against 40 a's and a b backtracks for hours on the JDK's engine
            // each ran to its deadline; before SafeRegex ran them, the ones Groovy's own methods run (find,
            // findAll, eachMatch, a closure's replaceAll, case, in, grep, Pattern.matches) kept a worker
            // after the call had timed out, so a few such calls took every worker
            for (String attempt : java.util.List.of("s ==~ /(.*a){25}/", "s.matches('(.*a){25}')",
                    "(s =~ /(.*a){25}$/).find()", "s.replaceAll('(.*a){25}$', 'x')", "s.find(/(.*a){25}$/)",
                    "s.findAll(/(.*a){25}$/)", "s.findAll(/(.*a){25}$/) { it }", "s.eachMatch(/(.*a){25}$/) { }",
                    "s.replaceAll(~/(.*a){25}$/) { 'x' }", "s.replaceFirst(~/(.*a){25}$/) { 'x' }",
                    "switch (s) { case ~/(.*a){25}$/: return 1; default: return 2 }", "[s].grep(~/(.*a){25}$/)",
                    "s in ~/(.*a){25}$/", "java.util.regex.Pattern.matches('(.*a){25}', s)",
                    "java.util.regex.Pattern.compile('(.*a){25}$').split(s)", "s.split(/(.*a){25}$/, 2)",
                    "def m = ('x' =~ /(.*a){25}$/); m.reset(s); m.find()", "s.splitEachLine(/(.*a){25}$/) { it }",
                    "s - ~/(.*a){25}$/")) {
                SmartApp a = app(impatient, "mappings { path(\"/x\") { action: [GET: \"x\"] } }\ndef x() { "
                        + "def s = 'a' * 40 + 'b'; " + attempt + " }");
                assertThat(a.handle(get("/x"), new FakeContext())).as(attempt)
                        .isInstanceOfSatisfying(HandlerOutcome.Failure.class,
                                f -> assertThat(f.type()).isEqualTo("ExecutionTimeoutException"));
            }
            for (int i = 0; i < 100 && impatient.activeCalls() > 0; i++) {
                Thread.sleep(100);
            }
            assertThat(impatient.activeCalls()).as("the workers are free again").isZero();
        }
        assertThat(run("['a1b2' ==~ /[a-z0-9]+/, ('a1b2' =~ /\\d/).collect { it }, 'a,b'.split(','), 'a b'.split(), "
                + "'x1y'.replaceAll(/\\d/, '-'), 'abc'.matches('a.c'), 'k=v'.find(/=(.)/) { m, v -> v }, "
                + "java.util.regex.Pattern.compile('b').matcher('abc').find()]"))
                .isEqualTo("[true,[\"1\",\"2\"],[\"a\",\"b\"],[\"a\",\"b\"],\"x-y\",true,\"v\",true]");
        // Groovy's answers, unchanged
        assertThat(run("""
                def seen = []
                'a1b2'.eachMatch(/\\d/) { seen << it }
                def sw = { v -> switch (v) { case ~/a.c/: return 'yes'; case 1: return 'one'; case { it == 'z' }: return 'zed'; default: return 'no' } }
                [find: 'a1b22'.find(/\\d+/), all: 'a1b22'.findAll(/\\d+/),
                 pairs: 'k=v;x=y'.findAll(/(\\w)=(\\w)/) { all, k, v -> k + v }, twice: 'a1b2'.replaceAll(/\\d/) { (it as int) * 2 + '' },
                 first: 'ab12'.replaceFirst(~/\\d/) { 'X' }, seen: seen, sw: [sw('abc'), sw('x'), sw(1), sw('z')],
                 grep: ['a1', 'bb', 'c3'].grep(~/.\\d/), isIn: 'abc' in ~/a.c/, notIn: 'abd' !in ~/a.c/, minus: 'a1b2' - ~/\\d/,
                 matches: java.util.regex.Pattern.matches('a.c', 'abc'), split: java.util.regex.Pattern.compile(',').split('a,b'),
                 none: 'abc'.find(/\\d/), grepList: [1, 2, 3].grep([2, 3])]
                """)).isEqualTo("{\"find\":\"1\",\"all\":[\"1\",\"22\"],\"pairs\":[\"kv\",\"xy\"],\"twice\":\"a2b4\","
                + "\"first\":\"abX2\",\"seen\":[\"1\",\"2\"],\"sw\":[\"yes\",\"no\",\"one\",\"zed\"],\"grep\":[\"a1\",\"c3\"],"
                + "\"isIn\":true,\"notIn\":true,\"minus\":\"ab2\",\"matches\":true,\"split\":[\"a\",\"b\"],\"none\":null,"
                + "\"grepList\":[2,3]}");
    }

    @Test
    void logAndResponseAreBounded() {
        assertThat(hearth.engine.dsl.AppLogAccess.dropsAfter(10)).isFalse();
        assertThat(hearth.engine.dsl.AppLogAccess.dropsAfter(500)).isTrue();
        assertThat(run("def s = new StringBuilder(); 20.times { s.append('x' * 1_000_000) }; s.toString()"))
                .startsWith("ResponseTooLargeException");
    }

    @Test
    void logLinesCannotBeForged() {
        assertThat(hearth.engine.dsl.AppLogAccess.clean("a\nb access_token=abc")).isEqualTo("a\\nb access_token=***");
    }

    @Test
    void largeAllocationsFailTheCallNotTheServer() {
        assertThat(run("new long[2_000_000_000]")).startsWith("SandboxViolationException: arrays are limited");
        assertThat(run("def s = []; (1..10).each { s << new byte[1000] }; s.size()")).isEqualTo("10");
    }

    @Test
    void runawayGrowthHitsTheAllocationBudget() {
        // a long time limit, so that only the allocation budget can stop it
        try (SmartAppEngine patient = new SmartAppEngine(new EngineSettings(java.time.Duration.ofSeconds(120), 2, 4,
                64L * 1024 * 1024))) {
            SmartApp a = app(patient, "mappings { path(\"/x\") { action: [GET: \"x\"] } }\n"
                    + "def x() { def l = []; while (true) { l << ('x' * 100_000) + l.size() } }");
            long start = System.nanoTime();
            assertThat(a.handle(get("/x"), new FakeContext())).isInstanceOfSatisfying(HandlerOutcome.Failure.class,
                    f -> assertThat(f.type()).isEqualTo("MemoryLimitExceededException"));
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(100_000);
        }
        // doubling a list is refused by its size before the JDK copies it
        assertThat(run("def l = [1]; 40.times { l = l + l }; l.size()"))
                .startsWith("SandboxViolationException: collections are limited");
        assertThat(run("(1..2_000_000_000).toList().size()")).startsWith("SandboxViolationException: ranges are limited");
        assertThat(run("('x' * 2_000_000_000).size()")).startsWith("SandboxViolationException: repeating is limited");
        assertThat(run("[2 * 3, 'ab' * 2, [1] * 2]")).isEqualTo("[6,\"abab\",[1,1]]");
        assertThat(run("'x'.repeat(2_000_000_000).size()")).startsWith("SandboxViolationException: repeat() is limited");
        assertThat(run("'x'.padLeft(2_000_000_000).size()")).startsWith("SandboxViolationException");
        assertThat(run("new ArrayList(2_000_000_000).size()")).startsWith("SandboxViolationException: initial sizes");
        assertThat(run("new StringBuilder(2_000_000_000).length()")).startsWith("SandboxViolationException");
        assertThat(run("[new ArrayList([1, 2]), new Date(0).time, new StringBuilder('ab').reverse().toString(), "
                + "new BigDecimal('1.5'), new LinkedHashMap([a: 1])]")).isEqualTo("[[1,2],0,\"ba\",1.5,{\"a\":1}]");
    }

    @Test
    void lazyValuesRunInsideTheCallsLimits() {
        // a GString that loops when turned into text: state is serialised on the worker, under the deadline
        try (SmartAppEngine impatient = hearth.engine.support.Engines.impatient()) {
            SmartApp a = app(impatient, "mappings { path(\"/x\") { action: [GET: \"x\"] } }\n"
                    + "def x() { state.trap = \"${-> while (true) { } }\"; 1 }");
            long start = System.nanoTime();
            assertThat(a.handle(get("/x"), new FakeContext())).isInstanceOfSatisfying(HandlerOutcome.Failure.class,
                    f -> assertThat(f.type()).isEqualTo("ExecutionTimeoutException"));
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(20_000);

            // Groovy builds this exception's message from the arguments, lazily: the host must get text
            SmartApp b = app(impatient, "mappings { path(\"/x\") { action: [GET: \"x\"] } }\n"
                    + "def x() { 'abc'.substring(\"${-> while (true) { } }\", [1]) }");
            assertThat(b.handle(get("/x"), new FakeContext())).isInstanceOfSatisfying(HandlerOutcome.Failure.class, f -> {
                assertThat(f.type()).isEqualTo("ExecutionTimeoutException");
                assertThat(String.valueOf(f.cause())).doesNotContain("closure");
            });
        }
        HandlerOutcome plain = app(engine, "mappings { path(\"/x\") { action: [GET: \"x\"] } }\n"
                + "def x() { throw new IllegalStateException('broken') }").handle(get("/x"), new FakeContext());
        assertThat(((HandlerOutcome.Failure) plain).cause()).isInstanceOf(hearth.engine.runtime.SmartAppFailure.class)
                .hasMessage("IllegalStateException: broken");
    }

    @Test
    void stateSizeIsBounded() {
        assertThat(run("state.big = 'x' * 300_000; 1")).startsWith("StateTooLargeException");
    }

    @Test
    void recursionEndsAsAFailure() {
        SmartApp a = app(engine, """
                mappings { path("/x") { action: [GET: "x"] } }
                def down(n) { down(n + 1) }
                def x() { down(0) }
                """);
        assertThat(a.handle(get("/x"), new FakeContext())).isInstanceOfSatisfying(HandlerOutcome.Failure.class,
                f -> assertThat(f.type()).isEqualTo("StackOverflowError"));
    }

    @Test
    void oneAppsMetaClassChangesCannotReachAnother() {
        // the runtime route to metaClass is refused, so String stays as it was for everyone
        assertThat(run("def k = 'meta' + 'Class'; def mc = String[k]; 1")).startsWith("SandboxViolationException");
        // and app code dispatches on meta classes of the sandbox's own: even a JVM-wide change made
        // outside the sandbox (by any code at all) changes nothing an app's call does
        new groovy.lang.GroovyShell().evaluate("String.metaClass.pwn = { -> 'pwned' }; "
                + "String.metaClass.toUpperCase = { -> 'hijacked' }");
        try {
            assertThat("x".toUpperCase()).isEqualTo("X");
            assertThat(run("def n = 'pw' + 'n'; 'x'.\"$n\"()")).startsWith("MissingMethodException");
            assertThat(run("'abc'.toUpperCase()")).isEqualTo("ABC");
        } finally {
            groovy.lang.GroovySystem.getMetaClassRegistry().removeMetaClass(String.class);
        }
    }

    @Test
    void concurrentCallsKeepTheirOwnScope() throws Exception {
        SmartApp a = app(engine, """
                mappings { path("/x") { action: [GET: "x"] } }
                def x() { def mine = params.n; (1..2000).each { state.n = (state.n ?: 0) + 1 }; [n: params.n, same: mine == params.n] }
                """);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 12; i++) {
                String n = Integer.toString(i);
                futures.add(pool.submit(() -> ((Response) a.handle(get("/x", Map.of("n", n)), new FakeContext("i" + n))).body()));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo("{\"n\":\"" + i + "\",\"same\":true}");
            }
        } finally {
            pool.shutdownNow();
        }
    }
    @Test
    void appMethodsNamedLikeObjectsWin() {
        SmartApp a = app(engine, """
                mappings { path("/x") { action: [GET: "x"] }; path("/y") { action: [GET: "y"] } }
                def notify(msg) { "notified " + msg }
                def notifyAll(a, b) { "all " + a + b }
                def x() { [notify("you"), notifyAll(1, 2), [1].collect { notify(it) }] }
                def y() { notify() }
                """);
        assertThat(((Response) a.handle(get("/x"), new FakeContext())).body())
                .isEqualTo("[\"notified you\",\"all 12\",[\"notified 1\"]]");
        // with no argument only Object#notify() matches, and that one is not the app's
        assertThat(a.handle(get("/y"), new FakeContext())).isInstanceOfSatisfying(HandlerOutcome.Failure.class,
                f -> assertThat(f.message()).contains("notify()"));
    }

    /** What plain Groovy (no sandbox) says when {@code code} runs in a method of a script. */
    private static String plainGroovy(String code) {
        try {
            new groovy.lang.GroovyShell().evaluate("def x() {\n" + code + "\n}\nx()");
            return "no error";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    @Test
    void absentMembersOfAllowedTypesFailAsPlainGroovyFails() {
        for (String absent : java.util.List.of("true.by", "5.foo()", "'x'.nope", "[1].bogus()", "[a: 1].foo()",
                "new Date().nope", "new Date().bogus()", "1.5.nope", "1G.nope()", "(1..2).nope()", "5.nope = 1",
                "true.by()", "5.execute()", "5.toURL()", "def n = 'fo' + 'o'; 5.\"$n\"()", "[1].nope", "[null, 1].nope",
                "[[1]].nope", "def a = [1] as Object[]; a.nope", "[1, 'x'].bytes",
                "Math.nope()", "Math.nope", "String.nope()")) {
            String plain = plainGroovy(absent);
            assertThat(plain).as(absent).matches("(?s)Missing(Method|Property)Exception: .*");
            assertThat(run(absent)).as(absent).isEqualTo(plain);
        }
    }

    @Test
    void membersThatExistButAreForbiddenAreStillRefused() {
        for (String forbidden : java.util.List.of("def s = 'x'; s.getClass()", "5.getClass()",
                "def s = 'x'; s.intern()", "5.wait()", "def n = 5; n.invokeMethod('foo', null)", "5.properties",
                "String.forName('java.lang.Runtime')", "def c = String; c.forName('java.lang.Runtime')")) {
            assertThat(run(forbidden)).as(forbidden).startsWith("SandboxViolationException: not allowed in a SmartApp");
        }
        for (String unnameable : java.util.List.of("System.exit(1)", "Runtime.getRuntime()", "'x'.getClass()")) {
            assertThat(refused(unnameable).getMessage()).as(unnameable).contains("not");
        }
    }

    @Test
    void absentMembersAreGroovysOwnErrors() {
        assertThat(run("true.by")).isEqualTo("MissingPropertyException: No such property: by for class: java.lang.Boolean");
        assertThat(run("5.foo()")).startsWith(
                "MissingMethodException: No signature of method: foo for class: java.lang.Integer is applicable");
        assertThat(run("def n = 'fo' + 'o'; [1]*.\"$n\"")).startsWith("MissingPropertyException: No such property: foo");
        // a member that exists and is not allowed is a refusal
        assertThat(run("def n = 'in' + 'tern'; 'x'.\"$n\"()")).startsWith("SandboxViolationException");
    }

    @Test
    void dynamicNamesAreConvertedOnce() {
        assertThat(run("def n = 0; def k = \"${-> n++; 'empty'}\"; def a = [1].\"$k\"; def b = [empty: 'yes'][k]; "
                + "def c = [:]; c[k] = 1; [a, b, c.keySet()[0] instanceof String, n]"))
                .isEqualTo("[false,\"yes\",true,3]");
    }

    @Test
    void costlyCallsAreRefusedBeforeTheyRun() {
        long start = System.nanoTime();
        for (String costly : java.util.List.of("2G ** 100_000_000", "3 ** 100_000_000", "def b = 3G; b **= 100_000_000",
                "new BigInteger('2').pow(100_000_000)", "BigInteger.ONE.shiftLeft(2_000_000_000)",
                "BigInteger.ONE << 2_000_000_000", "new BigInteger(4096, 100, new Random())",
                "(1..12).toList().permutations()", "(1..30).toList().subsequences()",
                "[(1..1000).toList(), (1..1000).toList(), (1..1000).toList()].combinations()",
                "Arrays.copyOf(new int[1], 2_000_000_000)", "Arrays.copyOfRange(new int[1], 0, 2_000_000_000)",
                "String.format('%1000000000d', 1)", "sprintf('%1000000000s', 'x')", "'%.999999999f'.formatted(1.0d)",
                "Collections.nCopies(1_000_000, 'x' * 1000).join()", "Collections.nCopies(1_000_000, 'x' * 1000).toString()",
                "('x' * 1000).multiply(1_000_000)", "('a' * 1_000_000).replace('a', 'x' * 100)",
                "('a' * 1_000_000).replaceAll('a', 'x' * 100)", "def s = 'x' * 1_000_000; 10.times { s = s + s }",
                "('a'..'zzzzzz').size()", "def l = []; l[2_000_000_000] = 1", "new BigDecimal('1e999999999').intValue()",
                "'1e999999999'.toBigDecimal()", "new groovy.json.JsonSlurper().parseText('[1e999999999]').sum()",
                "Collections.nCopies(2_000_000_000, 1)")) {
            assertThat(run(costly)).as(costly).containsAnyOf("SandboxViolationException", "NumberTooLargeException");
        }
        assertThat((System.nanoTime() - start) / 1_000_000).as("refused before running, not stopped at a deadline")
                .isLessThan(30_000);
        assertThat(run("[2 ** 10, 2G ** 100 > 0, 'ab' * 3, [1] * 2, (1..4).toList().permutations().size()]"))
                .isEqualTo("[1024,true,\"ababab\",[1,1],24]");
    }

    @Test
    void nothingRunsOnAnotherThread() {
        for (String elsewhere : java.util.List.of("def n = 'parallel' + 'Stream'; [1, 2].\"$n\"().count()",
                "def n = 'str' + 'eam'; [1, 2].\"$n\"().parallel().count()")) {
            assertThat(run(elsewhere)).as(elsewhere).startsWith("SandboxViolationException");
        }
    }
}
