package hearth.engine.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Groovy 2.4 source (what the classic platform ran) made readable by Groovy 5 with the same
 * meaning. One construct reads differently: {@code cond?[a:1]:[b:2]}, in Groovy 2.4 a ternary
 * whose branch is a list or map literal, is in Groovy 3+ the safe index {@code cond?[...]}, and the
 * {@code :} after it a syntax error. So a {@code ?[} in code (never inside a string, a comment or
 * a regular expression literal, but inside a GString's {@code ${...}}) becomes {@code ? [} when
 * its {@code ]} is followed, at the same depth and before the expression ends, by a {@code :} that
 * no other {@code ?} claims; a {@code ?[} without such a {@code :} stays a safe index. Only spaces
 * are inserted, so line numbers in messages stay those of the app's own source.
 */
public final class ClassicSyntax {
    private ClassicSyntax() {
    }

    /** Token kinds of the code outside strings and comments. */
    private enum Kind { QUESTION, OPEN, CLOSE, COLON, COMMA, SEMI, NEWLINE, STRING, WORD, OPERATOR }

    private record Token(Kind kind, int pos, char c) {
    }

    /** The source with every Groovy 2.4 {@code ?[} ternary written {@code ? [}; the same object when there is none. */
    public static String rewrite(String source) {
        if (!source.contains("?[")) {
            return source;
        }
        List<Token> tokens = new Lexer(source).tokens();
        List<Integer> spaces = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token next = tokens.get(i + 1);
            if (t.kind == Kind.QUESTION && next.kind == Kind.OPEN && next.c == '[' && next.pos == t.pos + 1
                    && isTernary(tokens, i + 1)) {
                spaces.add(next.pos);
            }
        }
        if (spaces.isEmpty()) {
            return source;
        }
        StringBuilder out = new StringBuilder(source.length() + spaces.size());
        int from = 0;
        for (int at : spaces) {
            out.append(source, from, at).append(' ');
            from = at;
        }
        return out.append(source, from, source.length()).toString();
    }

    /** Is the {@code [} at {@code open} a ternary's branch: its {@code ]} followed by an unclaimed {@code :}? */
    private static boolean isTernary(List<Token> tokens, int open) {
        int close = matching(tokens, open);
        if (close < 0) {
            return false;
        }
        int depth = 0;
        int pending = 0; // other ternaries' '?' waiting for their ':'
        for (int k = close + 1; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            switch (t.kind) {
                case OPEN -> depth++;
                case CLOSE -> {
                    if (depth == 0) {
                        return false;
                    }
                    depth--;
                }
                case QUESTION -> {
                    if (depth == 0) {
                        pending++;
                    }
                }
                case COLON -> {
                    if (depth == 0) {
                        if (pending == 0) {
                            return true;
                        }
                        pending--;
                    }
                }
                case COMMA, SEMI -> {
                    if (depth == 0) {
                        return false;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }

    private static int matching(List<Token> tokens, int open) {
        int depth = 0;
        for (int k = open; k < tokens.size(); k++) {
            Kind kind = tokens.get(k).kind;
            if (kind == Kind.OPEN) {
                depth++;
            } else if (kind == Kind.CLOSE && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Groovy's lexical structure, as far as telling code from text goes: comments, '...' and
     * '''...''', "..." and """...""" with ${...} code inside, /slashy/ and $/dollar slashy/$
     * strings (a '/' starts one where an operand is expected, else it divides).
     */
    private static final class Lexer {
        /** Words after which a '/' starts a slashy string rather than dividing. */
        private static final Set<String> OPERAND_BEFORE = Set.of("return", "case", "in", "assert", "else", "and",
                "or", "not", "throw", "instanceof", "yield");

        private final String s;
        private final List<Token> out = new ArrayList<>();
        private int i;
        /** Whether the last token ends an operand (so '/' divides). */
        private boolean afterOperand;

        Lexer(String s) {
            this.s = s;
        }

        List<Token> tokens() {
            code(false);
            return out;
        }

        /** Code up to the end, or up to the '}' that closes a GString's ${ (consumed). */
        private void code(boolean interpolation) {
            int braces = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '/' && at(i + 1, '/')) {
                    while (i < s.length() && s.charAt(i) != '\n') {
                        i++;
                    }
                } else if (c == '/' && at(i + 1, '*')) {
                    int end = s.indexOf("*/", i + 2);
                    i = end < 0 ? s.length() : end + 2;
                } else if (c == '\'' || c == '"') {
                    quoted(c);
                } else if (c == '$' && at(i + 1, '/') && !afterOperand) {
                    dollarSlashy();
                } else if (c == '/' && !afterOperand) {
                    slashy();
                } else if (Character.isWhitespace(c)) {
                    if (c == '\n') {
                        add(Kind.NEWLINE, c);
                        afterOperand = false;
                    }
                    i++;
                } else if (Character.isJavaIdentifierStart(c) || Character.isDigit(c)) {
                    int start = i;
                    while (i < s.length() && (Character.isJavaIdentifierPart(s.charAt(i)) || s.charAt(i) == '.'
                            && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)) && Character.isDigit(c))) {
                        i++;
                    }
                    String word = s.substring(start, i);
                    out.add(new Token(Kind.WORD, start, c));
                    afterOperand = !OPERAND_BEFORE.contains(word);
                } else if (c == '?') {
                    if (at(i + 1, '.') || at(i + 1, ':') || at(i + 1, '=')) {
                        add(Kind.OPERATOR, c); // ?. ?: ?= (safe navigation, Elvis)
                        i += 2;
                    } else {
                        add(Kind.QUESTION, c);
                        i++;
                    }
                    afterOperand = false;
                } else if (c == '(' || c == '[' || c == '{') {
                    if (c == '{') {
                        braces++;
                    }
                    add(Kind.OPEN, c);
                    i++;
                    afterOperand = false;
                } else if (c == ')' || c == ']' || c == '}') {
                    if (c == '}' && interpolation && braces == 0) {
                        i++;
                        return;
                    }
                    if (c == '}') {
                        braces--;
                    }
                    add(Kind.CLOSE, c);
                    i++;
                    afterOperand = true;
                } else if (c == ':') {
                    if (at(i + 1, ':')) {
                        add(Kind.OPERATOR, c);
                        i += 2;
                    } else {
                        add(Kind.COLON, c);
                        i++;
                    }
                    afterOperand = false;
                } else if (c == ',') {
                    add(Kind.COMMA, c);
                    i++;
                    afterOperand = false;
                } else if (c == ';') {
                    add(Kind.SEMI, c);
                    i++;
                    afterOperand = false;
                } else if ((c == '+' || c == '-') && at(i + 1, c)) {
                    add(Kind.OPERATOR, c);
                    i += 2; // x++ still ends an operand, ++x still expects one
                } else {
                    add(Kind.OPERATOR, c);
                    i++;
                    afterOperand = false;
                }
            }
        }

        private void add(Kind kind, char c) {
            out.add(new Token(kind, i, c));
        }

        private boolean at(int k, char c) {
            return k < s.length() && s.charAt(k) == c;
        }

        private boolean startsWith(String text) {
            return s.startsWith(text, i);
        }

        /** '...', '''...''', "...", """...""" (the double-quoted ones with ${...} code). */
        private void quoted(char q) {
            int start = i;
            boolean triple = at(i + 1, q) && at(i + 2, q);
            boolean gstring = q == '"';
            i += triple ? 3 : 1;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (gstring && c == '$' && at(i + 1, '{')) {
                    i += 2;
                    interpolate();
                } else if (triple ? startsWith(String.valueOf(q).repeat(3)) : c == q) {
                    i += triple ? 3 : 1;
                    break;
                } else if (!triple && c == '\n') {
                    break; // unterminated: let the parser say so
                } else {
                    i++;
                }
            }
            out.add(new Token(Kind.STRING, start, q));
            afterOperand = true;
        }

        /** /slashy/: '\/' escapes the slash; ${...} is code. */
        private void slashy() {
            int start = i;
            i++;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\' && at(i + 1, '/')) {
                    i += 2;
                } else if (c == '$' && at(i + 1, '{')) {
                    i += 2;
                    interpolate();
                } else if (c == '/') {
                    i++;
                    break;
                } else {
                    i++;
                }
            }
            out.add(new Token(Kind.STRING, start, '/'));
            afterOperand = true;
        }

        /** $/dollar slashy/$: '$$' and '$/' escape; ${...} is code. */
        private void dollarSlashy() {
            int start = i;
            i += 2;
            while (i < s.length()) {
                if (startsWith("/$")) {
                    i += 2;
                    break;
                } else if (startsWith("$$") || startsWith("$/")) {
                    i += 2;
                } else if (startsWith("${")) {
                    i += 2;
                    interpolate();
                } else {
                    i++;
                }
            }
            out.add(new Token(Kind.STRING, start, '$'));
            afterOperand = true;
        }

        /** The code of a ${...}, between an OPEN and a CLOSE so that nothing inside pairs with what is outside. */
        private void interpolate() {
            out.add(new Token(Kind.OPEN, i - 1, '{'));
            boolean outer = afterOperand;
            afterOperand = false;
            code(true);
            out.add(new Token(Kind.CLOSE, i - 1, '}'));
            afterOperand = outer;
        }
    }
}
