package hearth.engine.api;

import java.util.List;
import java.util.Objects;

/**
 * What a call answered and what it leaves for the host to carry out.
 *
 * @param pageInputs for a {@link Call.Page}, the inputs the page declared; empty otherwise
 * @param page       for a {@link Call.Page}, the page as it read; null otherwise or for an unknown page
 */
public record CallResult(HandlerOutcome outcome, CallEffects effects, List<PreferenceInput> pageInputs,
                         AppPage page) {
    public CallResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(effects, "effects");
        pageInputs = List.copyOf(pageInputs);
    }

    public CallResult(HandlerOutcome outcome, CallEffects effects, List<PreferenceInput> pageInputs) {
        this(outcome, effects, pageInputs, null);
    }

    public CallResult(HandlerOutcome outcome, CallEffects effects) {
        this(outcome, effects, List.of());
    }
}
