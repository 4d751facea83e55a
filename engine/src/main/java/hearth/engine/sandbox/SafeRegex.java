package hearth.engine.sandbox;

import groovy.lang.Closure;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.codehaus.groovy.runtime.RegexSupport;
import org.codehaus.groovy.runtime.ScriptBytecodeAdapter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regular expressions app code runs read their text through {@link InterruptibleText}, which checks
 * the call's deadline as the JDK's matcher reads, so a catastrophically backtracking pattern stops
 * at the deadline instead of keeping a worker; replacements are bounded in size as they grow.
 */
public final class SafeRegex {
    private SafeRegex() {
    }

    /** {@code text =~ pattern}: a Matcher over checked text (Groovy's own would read a plain String). */
    public static Object findRegex(Object left, Object right) throws Throwable {
        Limits.check();
        if (left instanceof CharSequence cs && right != null) {
            Matcher m = pattern(right).matcher(text(cs));
            RegexSupport.setLastMatcher(m);
            return m;
        }
        Gate.admit(left);
        return Gate.admit(ScriptBytecodeAdapter.findRegex(left, right));
    }

    /** {@code text ==~ pattern}. */
    public static boolean matchRegex(Object left, Object right) {
        Limits.check();
        if (left instanceof CharSequence cs && right != null) {
            Matcher m = pattern(right).matcher(text(cs));
            boolean matches = m.matches();
            RegexSupport.setLastMatcher(m);
            return matches;
        }
        Gate.admit(left);
        return ScriptBytecodeAdapter.matchRegex(left, right);
    }

    /** What {@link #call} answers for a call that runs no regular expression. */
    static final Object NOT_REGEX = new Object();

    /**
     * Every member that runs a regular expression over text app code passes in, run here over
     * checked text instead of in the JDK or the GDK (whose methods read a plain {@code toString()}):
     * the String methods {@code matches}, {@code split}, {@code replaceAll}, {@code replaceFirst};
     * Groovy's {@code find}, {@code findAll}, {@code eachMatch}, {@code replaceAll}/{@code replaceFirst}
     * with a closure or a Pattern, {@code matches(Pattern)}, {@code minus(Pattern)},
     * {@code splitEachLine}; a Pattern's {@code matcher}, {@code split}, {@code isCase}; a Matcher's
     * {@code reset(text)}; {@code grep(pattern)} (the pattern becomes a checked filter).
     * Anything else answers {@link #NOT_REGEX}.
     */
    static Object call(Object receiver, String name, Object[] args) {
        if (receiver instanceof Pattern p) {
            return onPattern(p, name, args);
        }
        if (receiver instanceof Matcher m) {
            if (name.equals("reset") && args.length == 1 && args[0] instanceof CharSequence cs) {
                return m.reset(text(cs));
            }
            return NOT_REGEX;
        }
        if (!(receiver instanceof CharSequence self) || receiver instanceof InterruptibleText || args.length == 0) {
            return NOT_REGEX;
        }
        Object regex = args[0];
        boolean isRegex = regex instanceof CharSequence || regex instanceof Pattern;
        Object last = args[args.length - 1];
        Closure<?> closure = last instanceof Closure<?> c ? c : null;
        switch (name) {
            case "matches":
                return args.length == 1 && isRegex ? pattern(regex).matcher(text(self)).matches() : NOT_REGEX;
            case "split":
                if (args.length == 1 && regex instanceof CharSequence) {
                    return Pattern.compile(regex.toString()).split(text(self));
                }
                return args.length == 2 && regex instanceof CharSequence && args[1] instanceof Number n
                        ? Pattern.compile(regex.toString()).split(text(self), n.intValue()) : NOT_REGEX;
            case "replaceAll", "replaceFirst":
                if (args.length != 2 || !isRegex) {
                    return NOT_REGEX;
                }
                Matcher m = pattern(regex).matcher(text(self));
                if (closure != null) {
                    return replace(m, closure, name.equals("replaceAll"));
                }
                return args[1] instanceof CharSequence r ? replace(m, r.toString(), name.equals("replaceAll")) : NOT_REGEX;
            case "find":
                if (!isRegex || args.length > 2 || (args.length == 2 && closure == null)) {
                    return NOT_REGEX;
                }
                Matcher found = pattern(regex).matcher(text(self));
                if (!found.find()) {
                    return null;
                }
                return closure == null ? found.group(0) : replacement(found, closure);
            case "findAll":
                if (!isRegex || args.length > 2 || (args.length == 2 && closure == null)) {
                    return NOT_REGEX;
                }
                Matcher all = pattern(regex).matcher(text(self));
                List<Object> results = new ArrayList<>();
                while (all.find()) {
                    results.add(closure == null ? all.group(0) : closure.call(groupsOrMatch(all)));
                    Limits.check();
                }
                return results;
            case "eachMatch":
                if (!isRegex || args.length != 2 || closure == null) {
                    return NOT_REGEX;
                }
                Matcher each = pattern(regex).matcher(text(self));
                while (each.find()) {
                    closure.call(groupsOrMatch(each));
                }
                return receiver;
            case "minus":
                return args.length == 1 && regex instanceof Pattern p ? p.matcher(text(self)).replaceFirst("") : NOT_REGEX;
            case "splitEachLine":
                if (args.length != 2 || !isRegex || closure == null) {
                    return NOT_REGEX;
                }
                Pattern separator = pattern(regex);
                Object result = null;
                for (String line : self.toString().split("\\R", -1)) {
                    result = closure.call(List.of(separator.split(text(line))));
                }
                return result;
            default:
                return NOT_REGEX;
        }
    }

    private static Object onPattern(Pattern p, String name, Object[] args) {
        if (args.length == 0 || !(args[0] instanceof CharSequence cs) && !name.endsWith("Case")) {
            return NOT_REGEX;
        }
        return switch (name) {
            case "matcher" -> args.length == 1 ? p.matcher(text((CharSequence) args[0])) : NOT_REGEX;
            case "split" -> args.length == 1 ? p.split(text((CharSequence) args[0]))
                    : args.length == 2 && args[1] instanceof Number n ? p.split(text((CharSequence) args[0]), n.intValue())
                    : NOT_REGEX;
            case "isCase" -> args.length == 1 ? wholeMatch(p, args[0]) : NOT_REGEX;
            case "isNotCase" -> args.length == 1 ? !wholeMatch(p, args[0]) : NOT_REGEX;
            default -> NOT_REGEX;
        };
    }

    /** {@code Pattern.matches(regex, text)}, the one static member that runs a pattern. */
    static Object callStatic(Class<?> owner, String name, Object[] args) {
        if (owner == Pattern.class && name.equals("matches") && args.length == 2
                && args[0] instanceof CharSequence regex && args[1] instanceof CharSequence input) {
            return Pattern.compile(regex.toString()).matcher(text(input)).matches();
        }
        return NOT_REGEX;
    }

    /**
     * A value a {@code case}, an {@code in} or a {@code grep} tests against: a Pattern becomes a filter
     * that matches over checked text (Groovy would call the Pattern's {@code isCase} directly).
     */
    public static Object caseValue(Object value) {
        return value instanceof Pattern p ? new PatternCase(p) : value;
    }

    /** Groovy's {@code Pattern.isCase}: the whole value matches; the matcher becomes the last one. */
    private static boolean wholeMatch(Pattern p, Object value) {
        if (value == null) {
            return false;
        }
        Matcher m = p.matcher(text(value.toString()));
        if (m.matches()) {
            RegexSupport.setLastMatcher(m);
            return true;
        }
        return false;
    }

    /** A Pattern as a {@code case}/{@code grep} filter. */
    public static final class PatternCase extends Closure<Boolean> {
        private final transient Pattern pattern;

        PatternCase(Pattern pattern) {
            super(null);
            this.pattern = pattern;
        }

        @Override
        public Boolean call(Object... args) {
            return args.length == 1 && wholeMatch(pattern, args[0]);
        }

        @Override
        public Boolean call(Object arg) {
            return wholeMatch(pattern, arg);
        }

        public Boolean doCall(Object arg) {
            return wholeMatch(pattern, arg);
        }
    }

    /** What Groovy hands a match closure: the match, or the match and its groups as a list. */
    private static Object groupsOrMatch(Matcher m) {
        if (m.groupCount() == 0) {
            return m.group(0);
        }
        List<String> groups = new ArrayList<>(m.groupCount() + 1);
        for (int i = 0; i <= m.groupCount(); i++) {
            groups.add(m.group(i));
        }
        return groups;
    }

    /** Groovy's replacement from a closure: called with the match or its groups, the answer as text. */
    private static String replacement(Matcher m, Closure<?> closure) {
        Object groups = groupsOrMatch(m);
        Class<?>[] params = closure.getParameterTypes();
        Object answer = groups instanceof List<?> list && params.length == 1 && params[0] == Object[].class
                ? closure.call(list.toArray()) : closure.call(groups);
        return InvokerHelper.toString(answer);
    }

    private static String replace(Matcher m, Closure<?> closure, boolean all) {
        return replace(m, match -> Matcher.quoteReplacement(replacement(match, closure)), all);
    }

    private static String replace(Matcher m, String replacement, boolean all) {
        return replace(m, match -> replacement, all);
    }

    private static InterruptibleText text(CharSequence cs) {
        return cs instanceof InterruptibleText t ? t : new InterruptibleText(cs.toString());
    }

    /** Matcher.replaceAll, but the result may not outgrow {@link Limits#MAX_TEXT}. */
    private static String replace(Matcher m, java.util.function.Function<Matcher, String> replacement, boolean all) {
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, replacement.apply(m));
            if (out.length() > Limits.MAX_TEXT) {
                throw new SandboxViolationException("replaceAll() would make more than " + Limits.MAX_TEXT
                        + " characters");
            }
            if (!all) {
                break;
            }
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Pattern pattern(Object regex) {
        return regex instanceof Pattern p ? p : Pattern.compile(regex.toString());
    }
}
