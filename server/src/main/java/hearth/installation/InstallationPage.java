package hearth.installation;

import hearth.engine.api.AppPage;
import hearth.engine.api.PreferenceInput;

import java.util.List;
import java.util.Map;

/**
 * One page of an Installation as its owner sees it on Connected apps (issue 17): what the app's
 * {@link AppPage} shows, flattened so that it travels between Servers as JSON, with each input's
 * current value. Every text is the app's own: pages escape it.
 */
public record InstallationPage(String installationId, String name, String title, boolean install, String nextPage,
                               List<Section> sections) {
    public InstallationPage {
        sections = List.copyOf(sections);
    }

    public record Section(String title, boolean hideable, boolean hidden, List<Element> elements) {
        public Section {
            elements = List.copyOf(elements);
        }
    }

    /**
     * @param kind  paragraph, href, label, mode or input
     * @param value  an input's setting (device ids for a device input); the Installation's name for a label
     * @param params what an href to another page hands it ({@code href(page:, params: [...])})
     */
    public record Element(String kind, String title, String text, String page, String url, boolean external,
                          boolean required, PreferenceInput input, Object value, Map<String, String> params) {
        public Element {
            params = params == null ? Map.of() : Map.copyOf(params);
        }
    }

    /** The form field a page's {@code label} element edits (the Installation's name); no app input is named so. */
    public static final String LABEL_FIELD = "hearth.label";

    /** Whether the page shows the Installation's name ({@code label}), which its form may then change. */
    public boolean hasLabel() {
        return sections.stream().flatMap(s -> s.elements().stream()).anyMatch(e -> "label".equals(e.kind()));
    }

    /** The inputs of the page, which are what its form may change. */
    public List<PreferenceInput> inputs() {
        return sections.stream().flatMap(s -> s.elements().stream()).filter(e -> e.input() != null)
                .map(Element::input).toList();
    }

    static InstallationPage of(AppPage page, Installation installation) {
        return new InstallationPage(installation.id(), page.name(), page.title(), page.install(), page.nextPage(),
                page.sections().stream().map(s -> new Section(s.title(), s.hideable(), s.hidden(),
                        s.elements().stream().map(e -> element(e, installation)).toList())).toList());
    }

    private static Element element(AppPage.Element e, Installation installation) {
        if (e instanceof AppPage.Paragraph p) {
            return new Element("paragraph", p.title(), p.text(), null, null, false, false, null, null, null);
        }
        if (e instanceof AppPage.Href h) {
            return new Element("href", h.title(), h.description(), h.page(), h.url(), h.external(), h.required(),
                    null, null, h.params());
        }
        if (e instanceof AppPage.Label l) {
            return new Element("label", l.title(), null, null, null, false, l.required(), null, installation.label(),
                    null);
        }
        if (e instanceof AppPage.Mode m) {
            return new Element("mode", m.title(), null, null, null, false, m.required(), null, null, null);
        }
        PreferenceInput input = ((AppPage.Input) e).input();
        Object value = input.isDevice() ? installation.devices().getOrDefault(input.name(), List.of())
                : installation.settings().getOrDefault(input.name(), input.defaultValue());
        return new Element("input", input.title(), null, null, null, false, input.required(), input, value, null);
    }

    /** The values of the page's settings inputs, as text for a form. */
    public Map<String, String> values() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        sections.forEach(s -> s.elements().forEach(e -> {
            if (e.input() != null && !e.input().isDevice() && e.value() != null) {
                out.put(e.input().name(), e.value() instanceof java.util.Collection<?> many
                        ? String.join(",", many.stream().map(String::valueOf).toList()) : String.valueOf(e.value()));
            }
        }));
        return out;
    }
}
