package hearth.console;

import hearth.engine.api.CompilationProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The console's source editor as a page shows it: a number beside every line (the text area has
 * as many rows as the source has lines and doesn't wrap, so the numbers stay beside their lines
 * without a script), and, after a refusal, every problem at its line: the lines in trouble with
 * one line either side, each problem under the line it belongs to.
 *
 * @param rows      the text area's height, in lines
 * @param numbers   one entry per line of the source, marked when a problem is on it
 * @param listing   the lines in trouble and their neighbours; a {@code null} text is a gap
 * @param elsewhere problems with no line (a missing definition, say)
 */
public record SourceEditor(int rows, List<LineNumber> numbers, List<Row> listing, List<String> elsewhere) {
    static final int MIN_ROWS = 16;
    private static final int CONTEXT = 1;

    public record LineNumber(int line, boolean bad) {
    }

    /** A line of the listing; {@code text} is null for the gap between two stretches. */
    public record Row(int line, String text, List<String> problems) {
        public boolean gap() {
            return text == null;
        }
    }

    static SourceEditor of(String source, List<CompilationProblem> problems) {
        String[] lines = (source == null ? "" : source).split("\\R", -1);
        Map<Integer, List<String>> byLine = new TreeMap<>();
        List<String> elsewhere = new ArrayList<>();
        for (CompilationProblem p : problems) {
            if (p.line() >= 1 && p.line() <= lines.length) {
                byLine.computeIfAbsent(p.line(), l -> new ArrayList<>())
                        .add((p.column() > 0 ? "column " + p.column() + ": " : "") + p.message());
            } else {
                elsewhere.add(p.toString());
            }
        }
        List<LineNumber> numbers = new ArrayList<>(lines.length);
        for (int i = 1; i <= lines.length; i++) {
            numbers.add(new LineNumber(i, byLine.containsKey(i)));
        }
        Map<Integer, Boolean> shown = new LinkedHashMap<>();
        for (int line : byLine.keySet()) {
            for (int i = Math.max(1, line - CONTEXT); i <= Math.min(lines.length, line + CONTEXT); i++) {
                shown.put(i, true);
            }
        }
        List<Row> listing = new ArrayList<>();
        int last = 0;
        for (int line : new TreeMap<>(shown).keySet()) {
            if (last > 0 && line > last + 1) {
                listing.add(new Row(0, null, List.of()));
            }
            listing.add(new Row(line, lines[line - 1], byLine.getOrDefault(line, List.of())));
            last = line;
        }
        return new SourceEditor(Math.max(MIN_ROWS, lines.length + 1), numbers, listing, elsewhere);
    }

    public boolean refused() {
        return !listing.isEmpty() || !elsewhere.isEmpty();
    }

    public int problemCount() {
        return (int) listing.stream().mapToLong(r -> r.problems().size()).sum() + elsewhere.size();
    }
}
