package hearth.engine.compile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Groovy 2.4's {@code cond?[..]:[..]} ternaries, rewritten where they are code and nowhere else. */
class ClassicSyntaxTest {
    @Test
    void aTernaryWhoseBranchIsAMapOrListGetsASpace() {
        assertThat(ClassicSyntax.rewrite("def x = c?[a:1]:[b:2]")).isEqualTo("def x = c? [a:1]:[b:2]");
        assertThat(ClassicSyntax.rewrite("c?[1]:[2]")).isEqualTo("c? [1]:[2]");
        assertThat(ClassicSyntax.rewrite("c ?[1] : 2")).isEqualTo("c ? [1] : 2");
        assertThat(ClassicSyntax.rewrite("f(c?[1]:[2], 3)")).isEqualTo("f(c? [1]:[2], 3)");
    }

    @Test
    void theColonMayComeAfterMoreOfTheBranch() {
        assertThat(ClassicSyntax.rewrite("c?[1] + [2] : []")).isEqualTo("c? [1] + [2] : []");
        assertThat(ClassicSyntax.rewrite("c?[1]\n  : [2]")).isEqualTo("c? [1]\n  : [2]");
    }

    @Test
    void nestedTernariesAreEachRewritten() {
        assertThat(ClassicSyntax.rewrite("a?[b?[1]:[2]]:[3]")).isEqualTo("a? [b? [1]:[2]]:[3]");
        assertThat(ClassicSyntax.rewrite("a?[1]:b?[2]:[3]")).isEqualTo("a? [1]:b? [2]:[3]");
    }

    @Test
    void aSafeIndexWithoutAColonStaysASafeIndex() {
        assertThat(ClassicSyntax.rewrite("def x = list?[0]")).isEqualTo("def x = list?[0]");
        assertThat(ClassicSyntax.rewrite("f(list?[0], 1)")).isEqualTo("f(list?[0], 1)");
        assertThat(ClassicSyntax.rewrite("[list?[0]]")).isEqualTo("[list?[0]]");
        assertThat(ClassicSyntax.rewrite("list?[0]; [a: 1]")).isEqualTo("list?[0]; [a: 1]");
    }

    @Test
    void aColonClaimedByAnotherTernaryIsNotOurs() {
        assertThat(ClassicSyntax.rewrite("list?[0] ? 1 : 2")).isEqualTo("list?[0] ? 1 : 2");
        assertThat(ClassicSyntax.rewrite("x = list?[0] ?: 2")).isEqualTo("x = list?[0] ?: 2");
        assertThat(ClassicSyntax.rewrite("list?[0]?.a ?: [b: 1]")).isEqualTo("list?[0]?.a ?: [b: 1]");
        assertThat(ClassicSyntax.rewrite("[list?[0]::toString]")).isEqualTo("[list?[0]::toString]");
    }

    @Test
    void stringsAndCommentsAreNeverTouched() {
        for (String text : new String[]{
                "def s = 'c?[1]:[2]'", "def s = '''c?[1]:[2]'''", "def s = \"c?[1]:[2]\"",
                "def s = \"\"\"c?[1]:\n[2]\"\"\"", "// c?[1]:[2]", "/* c?[1]:\n[2] */ x",
                "def s = 'it\\'s c?[1]:[2]'", "def s = \"say \\\"c?[1]:[2]\\\"\"",
                "def r = ~/0?[1-9]:[0-5]/", "s.replaceAll(/^(?:0?[1-9]|1[0-2]):[0-5]$/, '')",
                "def r = $/c?[1]:[2] $$ $/ /$", "x = a / b?[0] / c", "def s = \"$x c?[1]:[2]\""}) {
            assertThat(ClassicSyntax.rewrite(text)).as(text).isEqualTo(text);
        }
    }

    @Test
    void codeInsideAGStringIsCode() {
        assertThat(ClassicSyntax.rewrite("\"v: ${c?[1]:[2]} c?[1]:[2]\""))
                .isEqualTo("\"v: ${c? [1]:[2]} c?[1]:[2]\"");
        assertThat(ClassicSyntax.rewrite("\"${m.collect { k, v -> \"${v?[1]:[2]}\" }}\" + c?[1]:[2]"))
                .isEqualTo("\"${m.collect { k, v -> \"${v? [1]:[2]}\" }}\" + c? [1]:[2]");
        assertThat(ClassicSyntax.rewrite("/re ${c?[1]:[2]} ?[x]:/")).isEqualTo("/re ${c? [1]:[2]} ?[x]:/");
    }

    @Test
    void aSlashAfterAnOperandDividesAndCodeAfterItIsStillRead() {
        assertThat(ClassicSyntax.rewrite("x = a / 2 + (c?[1]:[2]) / 3")).isEqualTo("x = a / 2 + (c? [1]:[2]) / 3");
        assertThat(ClassicSyntax.rewrite("x = a[0] / 2; y = c?[1]:[2]")).isEqualTo("x = a[0] / 2; y = c? [1]:[2]");
        assertThat(ClassicSyntax.rewrite("x = i++ / 2; y = c?[1]:[2]")).isEqualTo("x = i++ / 2; y = c? [1]:[2]");
    }

    @Test
    void linesStayWhereTheyWere() {
        String source = "def a() {\n  x = c?[1]:[2]\n}\n// line 4\n";
        assertThat(ClassicSyntax.rewrite(source).lines().toList()).hasSize(source.lines().toList().size());
    }

    @Test
    void sourceWithoutTheConstructIsReturnedAsItIs() {
        String source = "def a() { [1, 2]?.size() }";
        assertThat(ClassicSyntax.rewrite(source)).isSameAs(source);
    }
}
