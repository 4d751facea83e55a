package hearth.engine.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One page of a SmartApp's preferences as it reads for one Installation: a static
 * {@code page(name: ...) { section { ... } }} or a dynamic page's {@code dynamicPage(...)}, with
 * what each section shows in order. Every text is the app's own: a host escapes it.
 *
 * @param name     the page's name ("" for preferences without pages)
 * @param nextPage the page classic's "Next" led to, or null
 */
public record AppPage(String name, String title, boolean install, boolean uninstall, String nextPage,
                      List<Section> sections) {
    public AppPage {
        Objects.requireNonNull(name, "name");
        sections = List.copyOf(sections);
    }

    /** The inputs the page declares, in order. */
    public List<PreferenceInput> inputs() {
        List<PreferenceInput> out = new ArrayList<>();
        sections.forEach(s -> s.elements().forEach(e -> {
            if (e instanceof Input i) {
                out.add(i.input());
            }
        }));
        return out;
    }

    /** The pages its {@code href(page: ...)} elements lead to, in order. */
    public List<String> linkedPages() {
        List<String> out = new ArrayList<>();
        sections.forEach(s -> s.elements().forEach(e -> {
            if (e instanceof Href h && h.page() != null && !out.contains(h.page())) {
                out.add(h.page());
            }
        }));
        return out;
    }

    /** {@code section("title", hideable: true, hidden: false) { ... }}. */
    public record Section(String title, boolean hideable, boolean hidden, List<Element> elements) {
        public Section {
            elements = List.copyOf(elements);
        }
    }

    /** What a section shows. */
    public sealed interface Element permits Paragraph, Href, Label, Mode, Input {
    }

    /** {@code paragraph "text"} or {@code paragraph title: "t", "text"}. */
    public record Paragraph(String title, String text) implements Element {
    }

    /**
     * {@code href(name:, title:, description:, page: "p")} to another page of the app, or
     * {@code href(url: "https://...", style: "external")} to a web page.
     *
     * @param page     the app's page it opens, or null for a URL
     * @param external true for {@code style: "external"} (classic opened it in the phone's browser)
     * @param params   the {@code params:} handed to the page it opens
     */
    public record Href(String name, String title, String description, String page, String url, boolean external,
                       boolean required, Map<String, String> params) implements Element {
        public Href {
            params = params == null ? Map.of() : Map.copyOf(params);
        }
    }

    /** {@code label(title: "Assign a name", required: false)}: the Installation's own name. */
    public record Label(String title, boolean required) implements Element {
    }

    /** {@code mode(title: "Set for specific mode(s)")}: the modes the app runs in. */
    public record Mode(String title, boolean required) implements Element {
    }

    /** An {@code input}. */
    public record Input(PreferenceInput input) implements Element {
    }
}
