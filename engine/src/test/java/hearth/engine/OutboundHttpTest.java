package hearth.engine;

import hearth.engine.api.HandlerOutcome;
import hearth.engine.api.HandlerOutcome.Failure;
import hearth.engine.api.HandlerOutcome.Response;
import hearth.engine.api.SmartApp;
import hearth.engine.support.Engines;
import hearth.engine.support.FakeContext;
import hearth.engine.support.Receiver;
import hearth.engine.support.Receiver.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static hearth.engine.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outbound HTTP against a receiver on 127.0.0.1, which the policy refuses unless the engine's
 * allow-list names it: what classic apps send and get back, and what never leaves.
 */
class OutboundHttpTest {
    Receiver receiver;
    SmartAppEngine allowed;

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver();
        allowed = engine(OutboundSettings.defaults().withAllow(List.of("127.0.0.1:" + receiver.port())));
    }

    @AfterEach
    void stop() {
        receiver.close();
        allowed.close();
    }

    static SmartAppEngine engine(OutboundSettings outbound) {
        return new SmartAppEngine(new EngineSettings(Duration.ofSeconds(30), 4, 64).withOutbound(outbound));
    }

    private HandlerOutcome run(SmartAppEngine engine, String handlerBody, Object... urlArgs) {
        SmartApp app = Engines.app(engine, """
                mappings { path("/go") { action: [GET: "go"] } }
                def go() {
                """ + String.format(handlerBody, urlArgs) + "\n}\n" + "def onAsync(resp, data) { state.async = "
                + "[status: resp.status, error: resp.hasError(), name: resp.json?.name, data: data] }\n");
        return app.handle(get("/go"), new FakeContext());
    }

    private static String body(HandlerOutcome outcome) {
        assertThat(outcome).isInstanceOf(Response.class);
        return ((Response) outcome).body();
    }

    @Test
    void getParsesJsonAndGivesStatusAndHeaders() {
        receiver.answering(hit -> new Answer(200, "application/json; charset=utf-8", "{\"name\":\"lamp\",\"n\":[1,2]}",
                Map.of("X-Thing", "yes"), 0));
        HandlerOutcome out = run(allowed, """
                def result
                httpGet(uri: "%s", path: "/devices", query: [q: "a b", n: 2], headers: [Authorization: "Bearer x"]) { resp ->
                    result = [status: resp.status, name: resp.data.name, n: resp.data.n.sum(), type: resp.contentType,
                              thing: resp.headers.'x-thing', first: resp.getFirstHeader("X-Thing").value, ok: resp.success]
                }
                result
                """, receiver.url(""));
        assertThat(body(out)).isEqualTo(
                "{\"status\":200,\"name\":\"lamp\",\"n\":3,\"type\":\"application/json\",\"thing\":\"yes\",\"first\":\"yes\",\"ok\":true}");
        Receiver.Hit hit = receiver.hits.get(0);
        assertThat(hit.method()).isEqualTo("GET");
        assertThat(hit.path()).isEqualTo("/devices");
        assertThat(hit.query()).isEqualTo("q=a+b&n=2");
        assertThat(hit.header("Authorization")).isEqualTo("Bearer x");
    }

    @Test
    void postJsonSendsJsonAndStringUriFormWorks() {
        receiver.answering(hit -> hit.path().equals("/hook") ? Answer.json("{\"ok\":1}") : Answer.of(200, "text/plain", "thanks"));
        HandlerOutcome out = run(allowed, """
                def a, b
                httpPostJson(uri: "%s", path: "", body: [evt: [name: "switch", value: "on"]]) { resp -> a = resp.data.ok }
                httpGet("%s") { resp -> b = resp.data }
                [a: a, b: b]
                """, receiver.url("/hook"), receiver.url("/plain"));
        assertThat(body(out)).isEqualTo("{\"a\":1,\"b\":\"thanks\"}");
        Receiver.Hit post = receiver.hits.get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.header("Content-Type")).startsWith("application/json");
        assertThat(post.body()).isEqualTo("{\"evt\":{\"name\":\"switch\",\"value\":\"on\"}}");
    }

    @Test
    void xmlIsAGPathAndDoctypesAreRefused() {
        receiver.answering(hit -> hit.path().equals("/ok") ? Answer.of(200, "text/xml", "<a><b>x</b><b>y</b></a>")
                : Answer.of(200, "application/xml", "<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>"));
        assertThat(body(run(allowed, "def t; httpGet(\"%s\") { t = it.data.b*.text() }; t", receiver.url("/ok"))))
                .isEqualTo("[\"x\",\"y\"]");
        HandlerOutcome out = run(allowed, "httpGet(\"%s\") { }", receiver.url("/evil"));
        assertThat(((Failure) out).type()).isEqualTo("ResponseParseException");
        assertThat(((Failure) out).message()).doesNotContain("root:");
    }

    @Test
    void errorStatusThrowsTheClassicException() {
        receiver.answering(hit -> Answer.of(404, "application/json", "{\"error\":\"no such thing\"}"));
        HandlerOutcome out = run(allowed, """
                try {
                    httpGet("%s") { resp -> return "not reached" }
                } catch (groovyx.net.http.HttpResponseException e) {
                    return [code: e.statusCode, status: e.response.status, error: e.response.data.error, message: e.message]
                }
                """, receiver.url("/missing"));
        assertThat(body(out)).isEqualTo("{\"code\":404,\"status\":404,\"error\":\"no such thing\",\"message\":\"Not Found\"}");
    }

    @Test
    void formBodyAndPutAndDelete() {
        HandlerOutcome out = run(allowed, """
                httpPost(uri: "%1$s", body: [a: "1 2", b: "x&y"]) { }
                httpPut("%1$s", "raw text") { }
                httpDelete(uri: "%1$s") { }
                "done"
                """, receiver.url("/f"));
        assertThat(body(out)).isEqualTo("done");
        assertThat(receiver.hits).extracting(Receiver.Hit::method).containsExactly("POST", "PUT", "DELETE");
        assertThat(receiver.hits.get(0).body()).isEqualTo("a=1+2&b=x%26y");
        assertThat(receiver.hits.get(0).header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(receiver.hits.get(1).body()).isEqualTo("raw text");
    }

    @Test
    void loopbackIsRefusedWithoutTheAllowListAndNothingArrives() {
        try (SmartAppEngine closed = engine(OutboundSettings.defaults())) {
            HandlerOutcome out = run(closed, "httpGet(\"%s\") { }", receiver.url("/x"));
            assertThat(out).isInstanceOf(Failure.class);
            Failure f = (Failure) out;
            assertThat(f.type()).isEqualTo("OutboundRequestRefusedException");
            assertThat(f.message()).contains("127.0.0.1:" + receiver.port()).contains("loopback")
                    .contains("hearth.outbound.allow");
        }
        assertThat(receiver.hits).isEmpty();
    }

    @Test
    void anAllowedPortDoesNotOpenTheOthers() throws Exception {
        try (Receiver other = new Receiver()) {
            HandlerOutcome out = run(allowed, "httpGet(\"%s\") { }", other.url("/x"));
            assertThat(((Failure) out).message()).contains("loopback");
            assertThat(other.hits).isEmpty();
            // "localhost" is not the allowed entry "127.0.0.1:port" by name, but resolves to it: allowed by address
            out = run(allowed, "def s; httpGet(\"http://localhost:%d/y\") { s = it.status }; s", receiver.port());
            assertThat(out).isInstanceOfAny(Response.class, Failure.class);
        }
    }

    @Test
    void privateLinkLocalAndMetadataAddressesAreRefused() {
        for (String url : List.of("http://10.1.2.3/", "http://192.168.1.1:8080/", "http://169.254.169.254/latest/meta-data/",
                "http://[::1]:" + receiver.port() + "/", "http://100.64.0.1/", "http://0.0.0.0:" + receiver.port() + "/",
                "http://[fd00::1]/", "http://[::ffff:127.0.0.1]:9/", "http://[::ffff:10.0.0.1]/", "http://2130706433:9/")) {
            HandlerOutcome out = run(allowed, "httpGet(\"%s\") { }", url);
            assertThat(out).as(url).isInstanceOf(Failure.class);
            assertThat(((Failure) out).type()).as(url).isEqualTo("OutboundRequestRefusedException");
        }
        assertThat(receiver.hits).isEmpty();
    }

    @Test
    void otherSchemesAreRefused() {
        HandlerOutcome out = run(allowed, "httpGet(\"file:///etc/passwd\") { }");
        assertThat(((Failure) out).message()).contains("only http and https");
        out = run(allowed, "httpGet(\"ftp://example.com/\") { }");
        assertThat(((Failure) out).type()).isEqualTo("OutboundRequestRefusedException");
    }

    @Test
    void redirectsAreFollowedAndCheckedAgain() throws Exception {
        try (Receiver other = new Receiver()) {
            receiver.answering(hit -> hit.path().equals("/away")
                    ? new Answer(302, null, null, Map.of("Location", other.url("/secret")), 0)
                    : hit.path().equals("/hop")
                    ? new Answer(301, null, null, Map.of("Location", "/final"), 0)
                    : Answer.json("{\"name\":\"final\"}"));
            assertThat(body(run(allowed, "def n; httpGet(\"%s\") { n = it.data.name }; n", receiver.url("/hop"))))
                    .isEqualTo("final");
            HandlerOutcome out = run(allowed, "httpGet(\"%s\") { }", receiver.url("/away"));
            assertThat(((Failure) out).message()).contains("loopback").contains(String.valueOf(other.port()));
            assertThat(other.hits).isEmpty();
        }
    }

    @Test
    void redirectLoopsStop() {
        receiver.answering(hit -> new Answer(302, null, null, Map.of("Location", "/again"), 0));
        HandlerOutcome out = run(allowed, "def s; httpGet(\"%s\") { s = it.status }; s", receiver.url("/again"));
        assertThat(body(out)).isEqualTo("302"); // the 4th answer is handed over, as HTTPBuilder would
        assertThat(receiver.hits).hasSize(4);
    }

    @Test
    void responsesAreBounded() {
        receiver.answering(hit -> Answer.of(200, "text/plain", "x".repeat(OutboundSettings.DEFAULT_MAX_RESPONSE_BYTES + 1)));
        HandlerOutcome out = run(allowed, "httpGet(\"%s\") { }", receiver.url("/big"));
        assertThat(((Failure) out).message()).contains("larger than");
    }

    @Test
    void slowServersTimeOut() {
        try (SmartAppEngine impatient = engine(new OutboundSettings(true, List.of("127.0.0.1:" + receiver.port()),
                Duration.ofMillis(500), 1024, 10))) {
            receiver.answering(hit -> new Answer(200, "text/plain", "late", Map.of(), 3000));
            long start = System.nanoTime();
            HandlerOutcome out = run(impatient, """
                    try { httpGet("%s") { } ; return "no" }
                    catch (java.net.SocketTimeoutException e) { return "timed out" }
                    """, receiver.url("/slow"));
            assertThat(body(out)).isEqualTo("timed out");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void requestsPerCallAreCounted() {
        HandlerOutcome out = run(allowed, "for (i in 1..11) { httpGet(\"%s\") { } }", receiver.url("/n"));
        assertThat(((Failure) out).message()).contains("at most 10 outbound requests");
        assertThat(receiver.hits).hasSize(10);
    }

    @Test
    void headersCannotSmuggleARequest() {
        HandlerOutcome out = run(allowed, "httpGet(uri: \"%s\", headers: [\"X-A\": \"1\\r\\nHost: evil\"]) { }",
                receiver.url("/h"));
        assertThat(((Failure) out).message()).contains("one line");
        out = run(allowed, "httpGet(uri: \"%s\", headers: [Host: \"evil\"]) { }", receiver.url("/h"));
        assertThat(((Failure) out).message()).contains("set by Hearth");
        assertThat(receiver.hits).isEmpty();
    }

    @Test
    void asyncHttpCallsBackWithTheResponseAndData() {
        receiver.answering(hit -> Answer.json("{\"name\":\"async\"}"));
        FakeContext ctx = new FakeContext();
        SmartApp app = Engines.app(allowed, """
                include 'asynchttp_v1'
                mappings { path("/go") { action: [GET: "go"] } }
                def go() {
                    asynchttp_v1.get("onAsync", [uri: "%s"], [tag: 1])
                    asynchttpPost("onAsync", [uri: "%s", body: [a: 1], requestContentType: "application/json"], [tag: 2])
                    asynchttpGet("onAsync", [uri: "http://10.0.0.1/"], [tag: 3])
                    state.calls
                }
                def onAsync(resp, data) {
                    state.calls = (state.calls ?: []) + [[status: resp.status, error: resp.hasError(), name: resp.json?.name, tag: data.tag]]
                }
                """.formatted(receiver.url("/a"), receiver.url("/b")));
        String json = body(app.handle(get("/go"), ctx));
        assertThat(json).startsWith("[{\"status\":200,\"error\":false,\"name\":\"async\",\"tag\":1},"
                + "{\"status\":200,\"error\":false,\"name\":\"async\",\"tag\":2},{\"status\":500,\"error\":true,");
        assertThat(receiver.hits.get(1).body()).isEqualTo("{\"a\":1}");
    }

    @Test
    void notAvailableAtRegistration() {
        try {
            allowed.compile(Engines.HEADER + "httpGet(\"" + receiver.url("/r") + "\") { }\nmappings { path(\"/x\") { action: [GET: \"x\"] } }\ndef x() {}");
        } catch (hearth.engine.api.SmartAppCompilationException e) {
            assertThat(e.getMessage()).contains("registered");
        }
        assertThat(receiver.hits).isEmpty();
    }

    @Test
    void httpResponseExceptionTypesAreNameable() {
        receiver.answering(hit -> Answer.of(200, "application/json", "not json"));
        HandlerOutcome out = run(allowed, """
                try { httpPostJson(uri: "%s", body: [a: 1]) { } ; return "parsed?" }
                catch (groovyx.net.http.ResponseParseException e) { return "parse error " + e.response.status }
                """, receiver.url("/p"));
        assertThat(body(out)).isEqualTo("parse error 200");
        out = run(allowed, "def t; httpGet(uri: \"%s\", contentType: groovyx.net.http.ContentType.TEXT) { t = it.data }; t",
                receiver.url("/p"));
        assertThat(body(out)).isEqualTo("not json");
    }
}
