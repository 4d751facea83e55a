package hearth.engine.api;

import java.util.List;
import java.util.Objects;

/**
 * What a call answered and what it leaves for the host to carry out.
 *
 * @param pageInputs for a {@link Call.Page}, the inputs the page declared; empty otherwise
 */
public record CallResult(HandlerOutcome outcome, CallEffects effects, List<PreferenceInput> pageInputs) {
    public CallResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(effects, "effects");
        pageInputs = List.copyOf(pageInputs);
    }

    public CallResult(HandlerOutcome outcome, CallEffects effects) {
        this(outcome, effects, List.of());
    }
}
