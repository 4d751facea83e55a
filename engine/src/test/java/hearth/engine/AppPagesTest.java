package hearth.engine;

import hearth.engine.api.AppPage;
import hearth.engine.api.PreferenceInput;
import hearth.engine.api.SmartApp;
import hearth.engine.support.FakeContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static hearth.engine.support.Engines.app;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An Installation's pages as a host renders them (issue 17): what each section shows, in order, for
 * static and dynamic pages, read per Installation with its settings and state.
 */
class AppPagesTest {
    static final SmartAppEngine engine = hearth.engine.support.Engines.quick();

    @AfterAll
    static void close() {
        engine.close();
    }

    // shaped like the homebridge and dashboard apps' "copy this into your client" page
    static final String APP = """
            preferences {
              page(name: "copyConfig", title: "Config", install: true, uninstall: true)
              page(name: "more", title: "More", nextPage: "copyConfig") {
                section("Extra", hideable: true, hidden: true) {
                  input "extra", "text", required: false
                  paragraph "static <b>text</b>"
                }
              }
              page(name: "broken")
            }
            mappings { path("/config") { action: [GET: "x"] } }
            def copyConfig() {
              if (!state.accessToken) { createAccessToken() }
              dynamicPage(name: "copyConfig", title: "Config", install: true, uninstall: true) {
                section() {
                  paragraph "Copy this into your client."
                  href url: "${apiServerUrl("/api/smartapps/installations/${app.id}/config?access_token=${state.accessToken}")}",
                       style: "embedded", required: false, title: "Config", description: "Tap, select, copy"
                  href url: "https://example.com/docs", style: "external", title: "Docs"
                  href "more", title: "More settings", params: [from: "config"]
                  input "switches", "capability.switch", title: "Switches", multiple: true, required: false
                }
                section { label title: "Name", required: false; mode title: "Modes" }
                section { paragraph title: "Token", "${state.accessToken}" }
              }
            }
            def broken() { dynamicPage(name: "broken") { section { paragraph nothing.here } } }
            def x() { }
            """;

    @Test
    void aDynamicPageShowsWhatItsMethodMadeForThisInstallation() {
        SmartApp a = app(engine, APP);
        assertThat(a.pageNames()).containsExactly("copyConfig", "more", "broken");
        FakeContext ctx = new FakeContext("inst-9");
        AppPage page = a.page(null, ctx);
        assertThat(page.name()).isEqualTo("copyConfig");
        assertThat(page.title()).isEqualTo("Config");
        assertThat(page.install()).isTrue();
        assertThat(page.uninstall()).isTrue();
        assertThat(page.sections()).hasSize(3);
        List<AppPage.Element> first = page.sections().get(0).elements();
        assertThat(first.get(0)).isEqualTo(new AppPage.Paragraph(null, "Copy this into your client."));
        assertThat(first.get(1)).isEqualTo(new AppPage.Href(null, "Config", "Tap, select, copy", null,
                "https://eu01.example.com/api/smartapps/installations/inst-9/config?access_token=token-1", false,
                false, Map.of()));
        assertThat(first.get(2)).isEqualTo(new AppPage.Href(null, "Docs", null, null, "https://example.com/docs",
                true, false, Map.of()));
        assertThat(first.get(3)).isEqualTo(new AppPage.Href(null, "More settings", null, "more", null, false, false,
                Map.of("from", "config")));
        assertThat(first.get(4)).isInstanceOfSatisfying(AppPage.Input.class,
                i -> assertThat(i.input().name()).isEqualTo("switches"));
        assertThat(page.sections().get(1).elements()).containsExactly(new AppPage.Label("Name", false),
                new AppPage.Mode("Modes", false));
        assertThat(page.sections().get(2).elements()).containsExactly(new AppPage.Paragraph("Token", "token-1"));
        assertThat(page.inputs()).extracting(PreferenceInput::name).containsExactly("switches");
        assertThat(page.linkedPages()).containsExactly("more");
        // the token the page made is the Installation's state from now on: shown again, not made again
        assertThat(ctx.state.json).contains("\"accessToken\":\"token-1\"");
        assertThat(a.page("copyConfig", ctx).sections().get(2).elements())
                .containsExactly(new AppPage.Paragraph("Token", "token-1"));
    }

    @Test
    void aStaticPageShowsItsOwnSectionsOnly() {
        SmartApp a = app(engine, APP);
        AppPage more = a.page("more", new FakeContext());
        assertThat(more.title()).isEqualTo("More");
        assertThat(more.nextPage()).isEqualTo("copyConfig");
        assertThat(more.sections()).containsExactly(new AppPage.Section("Extra", true, true, List.of(
                new AppPage.Input(new PreferenceInput("extra", "text", null, "Extra", false, false, List.of(), null)),
                new AppPage.Paragraph(null, "static <b>text</b>"))));
        assertThat(a.page("nope", new FakeContext())).isNull();
        assertThatThrownBy(() -> a.page("broken", new FakeContext())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("page broken failed");
    }

    @Test
    void preferencesWithoutPagesAreOnePage() {
        SmartApp a = app(engine, """
                preferences {
                  section("Allow Endpoint to Control These Things...") {
                    input "switches", "capability.switch", title: "Which Switches?", multiple: true
                  }
                  section { paragraph "That's all." }
                }
                mappings { path("/x") { action: [GET: "x"] } }
                def x() { }
                """);
        assertThat(a.pageNames()).isEmpty();
        AppPage page = a.page(null, new FakeContext());
        assertThat(page.name()).isEmpty();
        assertThat(page.sections()).extracting(AppPage.Section::title)
                .containsExactly("Allow Endpoint to Control These Things...", null);
        assertThat(page.inputs()).extracting(PreferenceInput::name).containsExactly("switches");
        assertThat(page.sections().get(1).elements()).containsExactly(new AppPage.Paragraph(null, "That's all."));
    }
}
