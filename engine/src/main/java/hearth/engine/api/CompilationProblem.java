package hearth.engine.api;

/** One reason a SmartApp's source was refused, where it is (1-based; 0 when unknown). */
public record CompilationProblem(int line, int column, String message) {
    @Override
    public String toString() {
        return line > 0 ? "line " + line + (column > 0 ? ", column " + column : "") + ": " + message : message;
    }
}
