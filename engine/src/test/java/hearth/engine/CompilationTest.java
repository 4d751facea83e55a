package hearth.engine;

import hearth.engine.api.CompilationProblem;
import hearth.engine.api.PreferenceInput;
import hearth.engine.api.SmartApp;
import hearth.engine.api.SmartAppCompilationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What compile() reads from a source, and what it refuses. */
class CompilationTest {
    static final SmartAppEngine engine = hearth.engine.support.Engines.quick();

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void syntaxErrorsCarryLineAndColumn() {
        assertThatThrownBy(() -> engine.compile("""
                definition(name: "x")
                mappings {
                  path("/a") { action: [GET: "a"]
                }
                def a( { }
                """))
                .isInstanceOfSatisfying(SmartAppCompilationException.class, e -> {
                    CompilationProblem p = e.problems().get(0);
                    assertThat(p.line()).isGreaterThan(0);
                    assertThat(p.column()).isGreaterThan(0);
                });
    }

    @Test
    void missingDefinitionAndMappingsAreNamed() {
        assertThatThrownBy(() -> engine.compile("def x() { 1 }"))
                .isInstanceOf(SmartAppCompilationException.class)
                .hasMessageContaining("no definition(")
                .hasMessageContaining("no mappings");
        assertThatThrownBy(() -> engine.compile("definition(namespace: 'a')\nmappings { }"))
                .hasMessageContaining("needs a name");
    }

    @Test
    void forbiddenAnnotationsAreRefusedBeforeTheyRun() {
        assertThatThrownBy(() -> engine.compile("""
                import groovy.transform.ASTTest as T
                definition(name: "x")
                mappings { }
                @T(value = { System.setProperty("hearth.astTest", "ran") })
                def a() { }
                """))
                .isInstanceOfSatisfying(SmartAppCompilationException.class, e -> {
                    assertThat(e.problems()).anySatisfy(p -> {
                        assertThat(p.line()).isEqualTo(4);
                        assertThat(p.message()).contains("@T");
                    });
                });
        assertThat(System.getProperty("hearth.astTest")).isNull();
        assertThatThrownBy(() -> engine.compile("""
                @Grab('org.example:nothing:1.0')
                import org.example.Nothing
                definition(name: "x")
                mappings { }
                """)).hasMessageContaining("@Grab");
    }

    @Test
    void fieldAnnotationIsFine() throws Exception {
        SmartApp app = engine.compile("""
                import groovy.transform.Field
                @Field static final List COLORS = ["red", "green"]
                definition(name: "x")
                mappings { path("/c") { action: [GET: "c"] } }
                def c() { COLORS }
                """);
        assertThat(app.definition().name()).isEqualTo("x");
    }

    @Test
    void definitionWithAppSettingsAndPagedPreferences() throws Exception {
        SmartApp app = engine.compile("""
                definition(name: "Paged", namespace: "n", author: "a", description: "d", category: "c",
                           oauth: true, singleInstance: true) {
                  appSetting "apiKey"
                }
                preferences(oauthPage: "devices") {
                  page(name: "devices", title: "Pick", install: true, uninstall: true) {
                    section("Switches", hideable: true) {
                      input "switches", "capability.switch", title: "Which?", multiple: true, required: false
                    }
                    section {
                      input name: "color", type: "enum", title: "Color", options: ["red", "blue"], defaultValue: "red"
                      input "mood", "enum", options: [[calm: "Calm"], [loud: "Loud"]]
                      input "threshold", "number", title: "Threshold", required: false
                      label title: "Assign a name", required: false
                      mode title: "Set for specific mode(s)"
                      paragraph "just text"
                    }
                  }
                  page(name: "more", content: "morePage")
                }
                mappings { path("/x") { action: [GET: "x"] } }
                def morePage() { dynamicPage(name: "more") { section { input "extra", "text" } } }
                def x() { }
                """);
        assertThat(app.definition()).isEqualTo(new hearth.engine.api.AppDefinition("Paged", "n", "a", "d", "c",
                true, null, true));
        assertThat(app.inputs()).containsExactly(
                new PreferenceInput("switches", "capability.switch", "Which?", "Switches", true, false, List.of(), null),
                new PreferenceInput("color", "enum", "Color", null, false, true, List.of("red", "blue"), "red"),
                new PreferenceInput("mood", "enum", null, null, false, true, List.of("calm", "loud"), null),
                new PreferenceInput("threshold", "number", "Threshold", null, false, false, List.of(), null),
                // read from the dynamic page "more" at registration
                new PreferenceInput("extra", "text", null, null, false, true, List.of(), null));
        assertThat(((hearth.engine.runtime.CompiledSmartApp) app).dynamicPages()).containsExactly("more");
        assertThat(((hearth.engine.runtime.CompiledSmartApp) app).appSettings()).containsExactly("apiKey");
    }

    @Test
    void topLevelFailureIsACompilationProblem() {
        assertThatThrownBy(() -> engine.compile("""
                definition(name: "x")
                mappings { }
                def y = 1 / 0
                """)).isInstanceOfSatisfying(SmartAppCompilationException.class,
                e -> assertThat(e.problems().get(0).message()).contains("ArithmeticException"));
    }
}
