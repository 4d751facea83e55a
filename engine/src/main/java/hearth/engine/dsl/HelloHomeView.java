package hearth.engine.dsl;

import hearth.engine.api.RoutineInfo;
import hearth.engine.sandbox.SmartAppApi;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Classic {@code location.helloHome}: the Location's routines ("phrases"). {@code getPhrases()}
 * lists them ({@code id}, {@code label}); {@code execute("Goodbye!")} asks the host to run one
 * (by label, or by id) and the mode it sets holds for the rest of the call.
 */
@SmartAppApi
public final class HelloHomeView {
    private final Supplier<List<RoutineInfo>> routines;
    private final Consumer<RoutineInfo> runs;

    HelloHomeView(Supplier<List<RoutineInfo>> routines, Consumer<RoutineInfo> runs) {
        this.routines = routines;
        this.runs = runs;
    }

    @SmartAppApi
    public List<PhraseView> getPhrases() {
        return routines.get().stream().map(PhraseView::new).toList();
    }

    @SmartAppApi
    public void execute(String labelOrId) {
        List<RoutineInfo> all = routines.get();
        RoutineInfo routine = all.stream().filter(r -> r.label().equals(labelOrId)).findFirst()
                .or(() -> all.stream().filter(r -> r.id().equals(labelOrId)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("'" + labelOrId + "' is not a routine of this "
                        + "Location; its routines are " + String.join(", ", all.stream().map(RoutineInfo::label)
                        .toList())));
        runs.accept(routine);
    }

    /** {@code execute(label, [args])}: the classic second argument (who ran it) is not kept. */
    @SmartAppApi
    public void execute(String labelOrId, java.util.Map<String, Object> options) {
        execute(labelOrId);
    }

    @SmartAppApi
    @Override
    public String toString() {
        return "helloHome";
    }

    /** One routine as apps read it: {@code it.label}, {@code it.id}. */
    @SmartAppApi
    public static final class PhraseView {
        private final RoutineInfo routine;

        PhraseView(RoutineInfo routine) {
            this.routine = routine;
        }

        @SmartAppApi
        public String getId() {
            return routine.id();
        }

        @SmartAppApi
        public String getLabel() {
            return routine.label();
        }

        java.util.Map<String, Object> toJsonMap() {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("id", getId());
            m.put("label", getLabel());
            return m;
        }

        @SmartAppApi
        @Override
        public String toString() {
            return routine.label();
        }
    }
}
