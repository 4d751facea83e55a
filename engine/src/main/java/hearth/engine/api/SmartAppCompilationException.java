package hearth.engine.api;

import java.util.List;
import java.util.stream.Collectors;

/** The source does not compile, breaks a sandbox rule, or lacks {@code definition}/{@code mappings}. */
public class SmartAppCompilationException extends Exception {
    private final List<CompilationProblem> problems;

    public SmartAppCompilationException(List<CompilationProblem> problems) {
        super(problems.stream().map(CompilationProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<CompilationProblem> problems() {
        return problems;
    }
}
