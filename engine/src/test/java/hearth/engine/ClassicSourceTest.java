package hearth.engine;

import hearth.engine.api.ApiRequest;
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

/** What the classic platform accepted at registration (Groovy 2.4 source, its imports), accepted unchanged. */
class ClassicSourceTest {
    static final SmartAppEngine engine = hearth.engine.support.Engines.quick();

    @AfterAll
    static void close() {
        engine.close();
    }

    private static String answer(SmartApp app, ApiRequest request) {
        return String.valueOf(app.handle(request, new FakeContext()));
    }

    private static SmartAppCompilationException refused(String body) {
        try {
            engine.compile(HEADER + body);
        } catch (SmartAppCompilationException e) {
            return e;
        }
        throw new AssertionError("was not refused: " + body);
    }

    @Test
    void aStarImportBringsInTheAllowedClassesOfItsPackage() {
        SmartApp a = app(engine, """
                import groovy.json.*
                mappings { path("/x") { action: [GET: "x"] } }
                def x() { [parsed: new JsonSlurper().parseText('{"a":1}').a, out: JsonOutput.toJson([b: 2])] }
                """);
        assertThat(answer(a, get("/x"))).contains("{\"parsed\":1,\"out\":\"{\\\"b\\\":2}\"}");
    }

    @Test
    void aStarImportReachesNothingElseOfItsPackage() {
        // plain Groovy would resolve both to classes of the package; neither is allowed by name either
        assertThat(refused("""
                import groovy.json.*
                mappings { path("/x") { action: [GET: "x"] } }
                def x() { new JsonSlurper().setType(JsonParserType.LAX) }
                """).getMessage()).contains("the class groovy.json.JsonParserType is not available");
        assertThat(refused("""
                import java.nio.file.*
                mappings { path("/x") { action: [GET: "x"] } }
                def x() { Files.readAllLines(Paths.get("/etc/passwd")) }
                """).getMessage()).contains("the class java.nio.file.Files is not available")
                .contains("the class java.nio.file.Paths is not available");
        assertThat(refused("""
                import java.lang.reflect.*
                mappings { path("/x") { action: [GET: "x"] } }
                def x() { Method m = null; m }
                """).getMessage()).contains("Method");
    }

    @Test
    void anImportTheSourceNeverUsesIsIgnoredAndOneItUsesIsRefused() {
        // HousePanel imports Semaphore and never uses it; SmartBlock Manager a CORBA class Java 17 lacks
        SmartApp a = app(engine, """
                import java.util.concurrent.Semaphore
                import com.sun.corba.se.spi.activation._ServerImplBase
                mappings { path("/x") { action: [GET: "x"] } }
                def x() { "fine" }
                """);
        assertThat(answer(a, get("/x"))).contains("fine");
        assertThat(refused("""
                import java.util.concurrent.Semaphore
                mappings { path("/x") { action: [GET: "x"] } }
                def x() { new Semaphore(1) }
                """).getMessage()).contains("java.util.concurrent.Semaphore");
    }

    @Test
    void groovy24TernariesWithListAndMapBranches() {
        // HousePanel: (pistonExecutedCbk?[cbk:pistonExecutedCbk]:[:]); Groovy 3+ reads '?[' as a safe index
        SmartApp a = app(engine, """
                mappings { path("/x") { action: [GET: "x"] } }
                def x() {
                    def yes = params.a?[cbk: params.a]:[:]
                    def no = params.none?[1, 2]:[3]
                    def safe = [10, 20]?[1]
                    [yes: yes, no: no, safe: safe, text: "c?[1]:[2]"]
                }
                """);
        assertThat(answer(a, get("/x", Map.of("a", "v"))))
                .contains("{\"yes\":{\"cbk\":\"v\"},\"no\":[3],\"safe\":20,\"text\":\"c?[1]:[2]\"}");
    }

    @Test
    void classicClassesByTheirNames() {
        SmartApp a = app(engine, """
                mappings { path("/x") { action: [GET: "x"] } }
                def x() {
                    def uri = new java.net.URI("http://example.com:8080/a/b?c=1")
                    def timedOut
                    try { throw new IllegalStateException("late") }
                    catch (java.util.concurrent.TimeoutException e) { timedOut = "wrong" }
                    catch (IllegalStateException e) { timedOut = e.message }
                    [host: uri.host, port: uri.port, path: java.net.URI.create("http://h/p").path,
                     escaped: groovy.xml.XmlUtil.escapeXml("<a & b>"), timedOut: timedOut,
                     connect: (timedOut instanceof org.apache.http.conn.ConnectTimeoutException)]
                }
                """);
        assertThat(answer(a, get("/x"))).contains("\"host\":\"example.com\",\"port\":8080,\"path\":\"/p\"")
                .contains("\"escaped\":\"&lt;a &amp; b&gt;\"").contains("\"timedOut\":\"late\",\"connect\":false");
    }

    @Test
    void xmlUtilSerializesAParsedDocumentButNeverParsesText() {
        SmartApp a = app(engine, """
                mappings { path("/x") { action: [POST: "x"] } }
                def x() { groovy.xml.XmlUtil.serialize(request.XML) }
                """);
        String out = String.valueOf(a.handle(new ApiRequest("POST", "/x", Map.of(), Map.of("content-type", "text/xml"),
                "<a><b>1</b></a>"), new FakeContext()));
        assertThat(out).contains("<b>1</b>");
        for (String text : new String[]{"'<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>'",
                "\"<!DOCTYPE a [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><a>&e;${1}</a>\"",
                "new groovy.json.JsonBuilder([a: '<!DOCTYPE a>'])"}) {
            SmartApp b = app(engine, "mappings { path('/x') { action: [GET: 'x'] } }\n"
                    + "def x() { groovy.xml.XmlUtil.serialize(" + text + ") }");
            assertThat(answer(b, get("/x"))).as(text).contains("SandboxViolationException").doesNotContain("root:");
        }
    }

    @Test
    void anHmacSignatureAsOpenT2TComputesIt() {
        SmartApp a = app(engine, """
                import javax.crypto.Mac
                import javax.crypto.spec.SecretKeySpec
                import java.security.InvalidKeyException
                mappings { path("/x") { action: [GET: "x"] } }
                def x() {
                    try {
                        Mac mac = Mac.getInstance("HmacSHA256")
                        mac.init(new SecretKeySpec("key".getBytes("UTF-8"), "HmacSHA256"))
                        mac.doFinal("The quick brown fox jumps over the lazy dog".getBytes("UTF-8")).encodeHex().toString()
                    } catch (InvalidKeyException e) { "bad key" }
                }
                """);
        // RFC-style known answer (Wikipedia's HMAC_SHA256("key", "The quick brown fox..."))
        assertThat(answer(a, get("/x"))).contains("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void anInputWithoutATypeIsATextField() {
        SmartApp a = app(engine, """
                preferences { section("s") { input "invocationName", title: "Skill Invocation Name", defaultValue: "Smart Things", required: false } }
                mappings { path("/x") { action: [GET: "x"] } }
                def x() { invocationName }
                """);
        PreferenceInput input = a.inputs().get(0);
        assertThat(input.type()).isEqualTo("text");
        assertThat(answer(a, get("/x"))).contains("Smart Things");
    }

    @Test
    void hubActionNewInstanceBuildsOneAsTheConstructorDoes() {
        SmartApp a = app(engine, """
                mappings { path("/x") { action: [GET: "x"] } }
                def x() {
                    def action = physicalgraph.device.HubAction.newInstance([method: "GET", path: "/status", headers: [HOST: "10.0.0.2:80"]], "0A000002:0050")
                    sendHubCommand(action)
                    [action.toString(), new physicalgraph.device.HubAction([method: "POST", path: "/p"], "dni").toString()]
                }
                """);
        assertThat(answer(a, get("/x"))).contains("[\"HubAction(GET /status)\",\"HubAction(POST /p)\"]");
    }

    @Test
    void anAppsOwnCloneWithArgumentsIsItsOwnMethod() {
        SmartApp a = app(engine, """
                mappings { path("/x") { action: [GET: "x"] } }
                def clone(obj) { new groovy.json.JsonSlurper().parseText(groovy.json.JsonOutput.toJson(obj)) }
                def x() { def a = [k: [1]]; def b = clone(a); b.k << 2; [a: a, b: b] }
                """);
        assertThat(answer(a, get("/x"))).contains("{\"a\":{\"k\":[1]},\"b\":{\"k\":[1,2]}}");
        assertThatThrownBy(() -> engine.compile(HEADER + "mappings { }\ndef clone() { this }"))
                .hasMessageContaining("'clone'");
    }
}
