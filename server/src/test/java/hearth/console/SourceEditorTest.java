package hearth.console;

import hearth.engine.api.CompilationProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SourceEditorTest {
    private static final String SOURCE = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight";

    @Test
    void ofWhenTheSourceHasNoProblemsThenEveryLineIsNumberedAndNothingIsListed() {
        SourceEditor editor = SourceEditor.of(SOURCE, List.of());
        assertThat(editor.numbers()).extracting(SourceEditor.LineNumber::line).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(editor.numbers()).noneMatch(SourceEditor.LineNumber::bad);
        assertThat(editor.refused()).isFalse();
        assertThat(editor.rows()).isEqualTo(SourceEditor.MIN_ROWS);
    }

    @Test
    void ofWhenProblemsAreOnSeveralLinesThenEachIsListedAtItsLineWithOneLineEitherSideAndGapsBetween() {
        SourceEditor editor = SourceEditor.of(SOURCE, List.of(new CompilationProblem(2, 5, "bad two"),
                new CompilationProblem(7, 0, "bad seven"), new CompilationProblem(7, 3, "worse seven")));

        assertThat(editor.listing()).extracting(SourceEditor.Row::line).containsExactly(1, 2, 3, 0, 6, 7, 8);
        assertThat(editor.listing().get(3).gap()).isTrue();
        assertThat(editor.listing().get(1).problems()).containsExactly("column 5: bad two");
        assertThat(editor.listing().get(5).problems()).containsExactly("bad seven", "column 3: worse seven");
        assertThat(editor.numbers()).filteredOn(SourceEditor.LineNumber::bad)
                .extracting(SourceEditor.LineNumber::line).containsExactly(2, 7);
        assertThat(editor.problemCount()).isEqualTo(3);
    }

    @Test
    void ofWhenAProblemHasNoLineOrOneOutsideTheSourceThenItIsListedApart() {
        SourceEditor editor = SourceEditor.of("a\nb", List.of(new CompilationProblem(0, 0, "needs a name"),
                new CompilationProblem(9, 1, "past the end")));
        assertThat(editor.listing()).isEmpty();
        assertThat(editor.elsewhere()).containsExactly("needs a name", "line 9, column 1: past the end");
        assertThat(editor.refused()).isTrue();
    }

    @Test
    void ofWhenTheSourceIsLongerThanTheMinimumThenTheTextAreaHasARowPerLineAndOneMore() {
        assertThat(SourceEditor.of("x\n".repeat(30), List.of()).rows()).isEqualTo(32);
    }
}
