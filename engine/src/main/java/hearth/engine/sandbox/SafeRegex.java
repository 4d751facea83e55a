package hearth.engine.sandbox;

import org.codehaus.groovy.runtime.RegexSupport;
import org.codehaus.groovy.runtime.ScriptBytecodeAdapter;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regular expressions app code runs read their text through {@link InterruptibleText}, which checks
 * the call's deadline as the JDK's matcher reads, so a catastrophically backtracking pattern stops
 * at the deadline instead of keeping a worker; replacements are bounded in size as they grow.
 */
public final class SafeRegex {
    /** String methods that run a regular expression over the receiver (and that are run here). */
    private static final Set<String> METHODS = Set.of("matches", "split", "replaceAll", "replaceFirst");

    private SafeRegex() {
    }

    /** {@code text =~ pattern}: a Matcher over checked text (Groovy's own would read a plain String). */
    public static Object findRegex(Object left, Object right) throws Throwable {
        Limits.check();
        if (left instanceof CharSequence cs && right != null) {
            Matcher m = pattern(right).matcher(new InterruptibleText(cs.toString()));
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
            Matcher m = pattern(right).matcher(new InterruptibleText(cs.toString()));
            boolean matches = m.matches();
            RegexSupport.setLastMatcher(m);
            return matches;
        }
        Gate.admit(left);
        return ScriptBytecodeAdapter.matchRegex(left, right);
    }

    /** Is this a call the gate should run here instead of in the JDK? */
    static boolean handles(Object receiver, String name, Object[] args) {
        if (receiver instanceof Pattern) {
            return name.equals("matcher") && args.length == 1 && args[0] instanceof CharSequence;
        }
        if (!(receiver instanceof CharSequence) || !METHODS.contains(name) || args.length == 0) {
            return false;
        }
        return switch (name) {
            case "matches" -> args.length == 1 && args[0] instanceof CharSequence;
            case "split" -> args[0] instanceof CharSequence && (args.length == 1 || args.length == 2
                    && args[1] instanceof Number);
            default -> args.length == 2 && (args[0] instanceof CharSequence || args[0] instanceof Pattern)
                    && args[1] instanceof CharSequence;
        };
    }

    static Object call(Object receiver, String name, Object[] args) {
        if (receiver instanceof Pattern p) {
            return p.matcher(new InterruptibleText(args[0].toString()));
        }
        InterruptibleText text = new InterruptibleText(receiver.toString());
        switch (name) {
            case "matches" -> {
                return Pattern.compile(args[0].toString()).matcher(text).matches();
            }
            case "split" -> {
                Pattern p = Pattern.compile(args[0].toString());
                return args.length == 2 ? p.split(text, ((Number) args[1]).intValue()) : p.split(text);
            }
            default -> {
                return replace(pattern(args[0]).matcher(text), args[1].toString(), name.equals("replaceAll"));
            }
        }
    }

    /** Matcher.replaceAll, but the result may not outgrow {@link Limits#MAX_TEXT}. */
    private static String replace(Matcher m, String replacement, boolean all) {
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, replacement);
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
