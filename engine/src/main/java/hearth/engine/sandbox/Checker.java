package hearth.engine.sandbox;

import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.GroovyObject;
import groovy.lang.MetaClass;
import groovy.lang.MissingPropertyException;
import hearth.engine.runtime.ExecutionTimeoutSignal;
import hearth.engine.runtime.MemoryLimitSignal;
import hearth.engine.runtime.SmartAppScript;
import org.codehaus.groovy.runtime.InvokerHelper;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one gate app code passes through at run time. The {@link SandboxTransformer} rewrites every
 * method call, static call, property read and write, subscript and {@code ++}/{@code +=} on a
 * property into a call of one of these methods; each checks the (receiver class, member) pair
 * against the {@link Whitelist}, caching the answer per shape, and then lets Groovy do the real
 * dispatch. Closures are the tricky receivers: an implicit call inside a closure may land on the
 * closure, its owner or its delegate, so every one of those that could answer must be allowed.
 */
public final class Checker {
    private static final Object[] NONE = new Object[0];
    private static final Map<String, Boolean> DECISIONS = new ConcurrentHashMap<>();

    /** Public methods the SmartApp DSL offers on the script, minus plumbing and Script's escape hatches. */
    private static final Set<String> SCRIPT_DSL;
    private static final Set<String> SCRIPT_DENY = Set.of("attach", "evaluate", "run", "getBinding", "setBinding",
            "invokeMethod", "getProperty", "setProperty", "getMetaClass", "setMetaClass", "main");
    private static final Set<String> SCRIPT_EXTENSIONS = Set.of("with", "tap", "identity", "sprintf", "println",
            "print", "printf", "toString", "equals", "hashCode", "is", "inspect", "format");
    private static final Set<String> SCRIPT_DENIED_PROPERTIES = Set.of("binding", "metaClass", "class", "scope",
            "properties", "out");
    /** Closure's own methods: Groovy runs these on the closure itself, never on owner or delegate. */
    private static final Set<String> CLOSURE_METHODS = Set.of("call", "doCall", "curry", "rcurry", "ncurry",
            "memoize", "memoizeAtMost", "memoizeAtLeast", "memoizeBetween", "trampoline", "leftShift",
            "rightShift", "getMaximumNumberOfParameters", "getParameterTypes", "isCase", "asBoolean",
            "getOwner", "getDelegate", "getThisObject", "getResolveStrategy");
    private static final Set<String> CLOSURE_PROPERTIES = Set.of("delegate", "owner", "thisObject",
            "resolveStrategy", "maximumNumberOfParameters", "parameterTypes", "directive");
    private static final Set<String> NULL_SAFE = Set.of("toString", "equals", "hashCode", "is", "asBoolean",
            "isCase", "inspect", "plus");
    private static final int MAX_ARRAY = 1_000_000;
    private static final long MAX_RANGE = 10_000_000;
    private static final long MAX_REPEAT = 1_000_000;

    static {
        Set<String> names = new HashSet<>();
        for (Method m : SmartAppScript.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())) {
                names.add(m.getName());
            }
        }
        names.removeAll(SCRIPT_DENY);
        SCRIPT_DSL = Set.copyOf(names);
    }

    private Checker() {
    }

    // ---- time ------------------------------------------------------------------------------------

    /** Compiled into every method, closure and loop body: ends the call once its time is up. */
    public static void tick() {
        if (Thread.currentThread().isInterrupted() || Deadline.passed()) {
            throw new ExecutionTimeoutSignal("the SmartApp ran out of time");
        }
        if (Deadline.overBudget()) {
            throw new MemoryLimitSignal("the SmartApp allocated too much memory in one call");
        }
    }

    /** {@code a..b}: numeric ranges are bounded, since {@code (1..n).toList()} never ticks. */
    public static Object range(Object from, Object to, boolean exclusiveLeft, boolean exclusiveRight)
            throws Throwable {
        if (from instanceof Number f && to instanceof Number t
                && Math.abs(t.doubleValue() - f.doubleValue()) > MAX_RANGE) {
            throw new SandboxViolationException("ranges are limited to " + MAX_RANGE + " elements");
        }
        return org.codehaus.groovy.runtime.ScriptBytecodeAdapter.createRange(from, to, exclusiveLeft, exclusiveRight);
    }

    /** {@code a * b}: repeating a string or list is bounded; numbers multiply as usual. */
    public static Object multiply(Object left, Object right) throws Throwable {
        if ((left instanceof CharSequence || left instanceof Collection<?> || left instanceof Object[])
                && right instanceof Number n && n.longValue() > MAX_REPEAT) {
            throw new SandboxViolationException("repeating is limited to " + MAX_REPEAT + " times");
        }
        return org.codehaus.groovy.runtime.ScriptBytecodeAdapter.invokeMethodN(Checker.class, left, "multiply",
                new Object[] {right});
    }

    /** {@code new X[n]}: bounded, since memory can't be bounded per script. */
    public static int arraySize(Object n) {
        int size = ((Number) n).intValue();
        if (size > MAX_ARRAY) {
            throw new SandboxViolationException("arrays are limited to " + MAX_ARRAY + " elements, not " + size);
        }
        return size;
    }

    // ---- calls -----------------------------------------------------------------------------------

    public static Object call(Object receiver, Object methodName, boolean safe, boolean spread, List<?> arguments)
            throws Throwable {
        String name = String.valueOf(methodName);
        Object[] args = arguments == null ? NONE : arguments.toArray();
        if (receiver == null) {
            if (safe || spread) {
                return null;
            }
            if (!NULL_SAFE.contains(name)) {
                throw new NullPointerException("Cannot invoke method " + name + "() on null object");
            }
            return InvokerHelper.invokeMethod(null, name, args);
        }
        if (spread) {
            List<Object> out = new ArrayList<>();
            for (Object element : iterable(receiver)) {
                out.add(element == null ? null : call(element, name, false, false, Arrays.asList(args)));
            }
            return out;
        }
        if (receiver instanceof Class<?> owner) {
            requireStatic(owner, name);
        } else {
            requireCall(receiver, name);
        }
        if (GROWING.contains(name)) {
            requireSmallCounts(name, args);
        }
        if (receiver instanceof CharSequence text && REGEX_METHODS.contains(name)) {
            return regexCall(text.toString(), name, args);
        }
        if (receiver instanceof java.util.regex.Pattern p && name.equals("matcher") && args.length == 1
                && args[0] instanceof CharSequence cs) {
            return p.matcher(new InterruptibleText(cs.toString()));
        }
        return invoke(receiver, name, args);
    }

    /**
     * {@code new T(args)}: the class was checked at registration; here sizes are bounded, since
     * {@code new ArrayList(2_000_000_000)} allocates before any check could run.
     */
    public static Object construct(Class<?> type, List<?> arguments) {
        Object[] args = arguments == null ? NONE : arguments.toArray();
        for (Object a : args) {
            if (a instanceof Number n && !(a instanceof java.math.BigDecimal) && n.longValue() > MAX_ARRAY
                    && (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                        || CharSequence.class.isAssignableFrom(type))) {
                throw new SandboxViolationException("initial sizes are limited to " + MAX_ARRAY);
            }
        }
        return InvokerHelper.invokeConstructorOf(type, args);
    }

    /** Implicit static calls (static imports): only allowed owners and members. */
    public static Object callStatic(Class<?> owner, Object methodName, List<?> arguments) throws Throwable {
        String name = String.valueOf(methodName);
        requireStatic(owner, name);
        return invoke(owner, name, arguments == null ? NONE : arguments.toArray());
    }

    /** String methods that run a regular expression over the receiver (and that we can run on our text). */
    private static final Set<String> REGEX_METHODS = Set.of("matches", "split", "replaceAll", "replaceFirst");

    /** The same call with the text read through {@link InterruptibleText}, so a runaway pattern stops. */
    private static Object regexCall(String text, String name, Object[] args) throws Throwable {
        InterruptibleText checked = new InterruptibleText(text);
        if (name.equals("matches") && args.length == 1 && args[0] instanceof CharSequence re) {
            return java.util.regex.Pattern.compile(re.toString()).matcher(checked).matches();
        }
        if (name.equals("split") && args.length >= 1 && args[0] instanceof CharSequence re) {
            java.util.regex.Pattern p = java.util.regex.Pattern.compile(re.toString());
            return args.length == 2 && args[1] instanceof Number limit ? p.split(checked, limit.intValue())
                    : p.split(checked);
        }
        if ((name.equals("replaceAll") || name.equals("replaceFirst")) && args.length == 2
                && (args[0] instanceof CharSequence || args[0] instanceof java.util.regex.Pattern)
                && args[1] instanceof CharSequence replacement) {
            java.util.regex.Matcher m = pattern(args[0]).matcher(checked);
            return name.equals("replaceAll") ? m.replaceAll(replacement.toString())
                    : m.replaceFirst(replacement.toString());
        }
        // other forms (a closure as replacement, Groovy's split() on whitespace) as usual
        return invoke(text, name, args);
    }

    private static java.util.regex.Pattern pattern(Object regex) {
        return regex instanceof java.util.regex.Pattern p ? p : java.util.regex.Pattern.compile(regex.toString());
    }

    /** {@code text =~ pattern}: a Matcher over checked text (Groovy's own would read a plain String). */
    public static Object findRegex(Object left, Object right) throws Throwable {
        if (left instanceof CharSequence cs && right != null) {
            java.util.regex.Matcher m = pattern(right).matcher(new InterruptibleText(cs.toString()));
            org.codehaus.groovy.runtime.RegexSupport.setLastMatcher(m);
            return m;
        }
        return org.codehaus.groovy.runtime.ScriptBytecodeAdapter.findRegex(left, right);
    }

    /** {@code text ==~ pattern}. */
    public static boolean matchRegex(Object left, Object right) {
        if (left instanceof CharSequence cs && right != null) {
            java.util.regex.Matcher m = pattern(right).matcher(new InterruptibleText(cs.toString()));
            boolean matches = m.matches();
            org.codehaus.groovy.runtime.RegexSupport.setLastMatcher(m);
            return matches;
        }
        return org.codehaus.groovy.runtime.ScriptBytecodeAdapter.matchRegex(left, right);
    }

    /** Methods that build a result as large as a number they are given. */
    private static final Set<String> GROWING = Set.of("repeat", "multiply", "padLeft", "padRight", "center",
            "nCopies", "ensureCapacity", "setLength");

    private static void requireSmallCounts(String name, Object[] args) {
        for (Object a : args) {
            if (a instanceof Number n && n.doubleValue() > MAX_REPEAT) {
                throw new SandboxViolationException(name + "() is limited to " + MAX_REPEAT + ", not " + n);
            }
        }
    }

    private static Object invoke(Object receiver, String name, Object[] args) throws Throwable {
        return InvokerHelper.invokeMethod(receiver, name, args);
    }

    private static void requireStatic(Class<?> owner, String name) {
        if (owner.getClassLoader() != null && SmartAppScript.class.isAssignableFrom(owner)) {
            // inside the app's own static methods: only its own static methods, which are sandboxed code
            if (!staticOfApp(owner, name)) {
                throw deny("static call " + name + "() on the app itself");
            }
            return;
        }
        if (!decide("S", owner, name, () -> Whitelist.staticMember(owner, name))) {
            throw deny(owner.getName() + "." + name);
        }
    }

    private static void requireCall(Object receiver, String name) {
        if (receiver instanceof SmartAppScript script) {
            if (!scriptMethod(script, name)) {
                throw deny("calling " + name + "()");
            }
        } else if (receiver instanceof Closure<?> closure) {
            requireClosureCall(closure, name, new HashSet<>());
        } else if (!decide("C", receiver.getClass(), name, () -> Whitelist.instanceCall(receiver.getClass(), name))) {
            throw deny(receiver.getClass().getName() + "." + name + "()");
        }
    }

    private static boolean scriptMethod(SmartAppScript script, String name) {
        if (SCRIPT_DENY.contains(name) || Whitelist.DENIED_NAMES.contains(name) && !SCRIPT_DSL.contains(name)) {
            return false;
        }
        return SCRIPT_DSL.contains(name) || SCRIPT_EXTENSIONS.contains(name) || declaredByApp(script.getClass(), name)
                || fieldOfApp(script.getClass(), name) || bindingClosure(script, name);
    }

    /** Every object the call could reach through the closure must allow it. */
    private static void requireClosureCall(Closure<?> closure, String name, Set<Object> seen) {
        if (!seen.add(closure)) {
            return;
        }
        if (CLOSURE_METHODS.contains(name)) {
            return;
        }
        if (responds(closure, name) && !Whitelist.COMMON_EXTENSIONS.contains(name) && !SCRIPT_EXTENSIONS.contains(name)
                || Whitelist.DENIED_NAMES.contains(name)) {
            // an extension method every object has (sleep, use, ...) would run on the closure itself
            throw deny("calling " + name + "()");
        }
        for (Object target : targets(closure)) {
            if (target instanceof Closure<?> inner) {
                requireClosureCall(inner, name, seen);
            } else if (responds(target, name)) {
                requireCall(target, name);
            }
        }
    }

    /**
     * {@code value as Type}: only to nameable types, and never a map or closure turned into an
     * arbitrary interface (that generates a proxy class).
     */
    public static Object asType(Object value, Class<?> type) throws Throwable {
        if (!Whitelist.isAllowedType(type.getName()) && !type.isArray()) {
            throw deny("converting to " + type.getName());
        }
        if ((value instanceof Map<?, ?> || value instanceof Closure<?>) && type.isInterface()
                && !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type)
                && type != Iterable.class) {
            throw deny("turning a " + (value instanceof Map<?, ?> ? "map" : "closure") + " into " + type.getName());
        }
        return org.codehaus.groovy.runtime.ScriptBytecodeAdapter.asType(value, type);
    }

    // ---- properties ------------------------------------------------------------------------------

    public static Object getProperty(Object receiver, Object propertyName, boolean safe, boolean spread) {
        String name = String.valueOf(propertyName);
        if (receiver == null) {
            if (safe || spread) {
                return null;
            }
            throw new NullPointerException("Cannot get property '" + name + "' on null object");
        }
        if (spread) {
            List<Object> out = new ArrayList<>();
            for (Object element : iterable(receiver)) {
                out.add(element == null ? null : getProperty(element, name, false, false));
            }
            return out;
        }
        requireRead(receiver, name);
        return InvokerHelper.getProperty(receiver, name);
    }

    public static Object setProperty(Object receiver, Object propertyName, Object value, boolean safe,
                                     boolean spread) {
        String name = String.valueOf(propertyName);
        if (receiver == null) {
            if (safe) {
                return value;
            }
            throw new NullPointerException("Cannot set property '" + name + "' on null object");
        }
        if (spread) {
            for (Object element : iterable(receiver)) {
                if (element != null) {
                    setProperty(element, name, value, false, false);
                }
            }
            return value;
        }
        requireWrite(receiver, name);
        InvokerHelper.setProperty(receiver, name, value);
        return value;
    }

    /** {@code obj.name op= rhs} (and for a dynamic variable, {@code name op= rhs}). */
    public static Object compoundProperty(Object receiver, Object propertyName, String op, Object rhs) {
        Object updated = apply(getProperty(receiver, propertyName, false, false), op, rhs);
        setProperty(receiver, propertyName, updated, false, false);
        return updated;
    }

    /** {@code obj.name++} and friends: {@code delta} is +1 or -1. */
    public static Object stepProperty(Object receiver, Object propertyName, int delta, boolean prefix) {
        Object old = getProperty(receiver, propertyName, false, false);
        Object updated = InvokerHelper.invokeMethod(old, delta > 0 ? "next" : "previous", NONE);
        setProperty(receiver, propertyName, updated, false, false);
        return prefix ? updated : old;
    }

    private static void requireRead(Object receiver, String name) {
        if (receiver instanceof Map<?, ?>) {
            // map.key is map.get(key), except that Groovy answers the real meta class for these
            if (name.equals("metaClass") || name.equals("class")) {
                throw deny("reading " + name);
            }
            return;
        }
        if (receiver instanceof SmartAppScript) {
            if (SCRIPT_DENIED_PROPERTIES.contains(name)) {
                throw deny("reading " + name);
            }
            return;
        }
        if (receiver instanceof Closure<?> closure) {
            requireClosureRead(closure, name, new HashSet<>());
            return;
        }
        if (receiver instanceof Class<?> owner) {
            requireStatic(owner, name);
            return;
        }
        Class<?> type = receiver.getClass();
        if (decide("R", type, name, () -> Whitelist.propertyGet(type, name))) {
            return;
        }
        if (receiver instanceof Collection<?> c && !Whitelist.DENIED_NAMES.contains(name)) {
            // list.name reads name from every element
            for (Object element : c) {
                if (element != null) {
                    requireRead(element, name);
                }
            }
            return;
        }
        throw deny("reading " + type.getName() + "." + name);
    }

    private static void requireClosureRead(Closure<?> closure, String name, Set<Object> seen) {
        if (!seen.add(closure) || CLOSURE_PROPERTIES.contains(name)) {
            return;
        }
        if (Whitelist.DENIED_NAMES.contains(name)) {
            throw deny("reading " + name + " of a closure");
        }
        for (Object target : targets(closure)) {
            if (target instanceof Closure<?> inner) {
                requireClosureRead(inner, name, seen);
            } else if (hasProperty(target, name)) {
                requireRead(target, name);
            }
        }
    }

    private static void requireWrite(Object receiver, String name) {
        if (receiver instanceof Map<?, ?>) {
            if (name.equals("metaClass") || name.equals("class")) {
                throw deny("writing " + name);
            }
            return;
        }
        if (receiver instanceof SmartAppScript) {
            if (SCRIPT_DENIED_PROPERTIES.contains(name)) {
                throw deny("writing " + name);
            }
            return;
        }
        if (receiver instanceof Closure<?> closure) {
            if (CLOSURE_PROPERTIES.contains(name) || Whitelist.DENIED_NAMES.contains(name)) {
                throw deny("writing " + name + " of a closure");
            }
            for (Object target : targets(closure)) {
                if (!(target instanceof Closure<?>) && hasProperty(target, name)) {
                    requireWrite(target, name);
                }
            }
            return;
        }
        Class<?> type = receiver.getClass();
        if (!decide("W", type, name, () -> Whitelist.propertySet(type, name))) {
            throw deny("writing " + type.getName() + "." + name);
        }
    }

    // ---- subscripts ------------------------------------------------------------------------------

    public static Object getAt(Object receiver, Object index) {
        if (receiver == null) {
            throw new NullPointerException("Cannot get [" + index + "] of null object");
        }
        if (index instanceof CharSequence && !(receiver instanceof Map<?, ?>)) {
            // obj["name"] is a property read in Groovy
            requireRead(receiver, index.toString());
        } else if (!(receiver instanceof Map<?, ?>)) {
            requireCall(receiver, "getAt");
        }
        return InvokerHelper.invokeMethod(receiver, "getAt", new Object[] {index});
    }

    public static Object putAt(Object receiver, Object index, Object value) {
        if (receiver == null) {
            throw new NullPointerException("Cannot set [" + index + "] of null object");
        }
        if (index instanceof CharSequence && !(receiver instanceof Map<?, ?>)) {
            requireWrite(receiver, index.toString());
        } else if (receiver instanceof Map<?, ?>) {
            requireWrite(receiver, String.valueOf(index));
        } else {
            requireCall(receiver, "putAt");
        }
        InvokerHelper.invokeMethod(receiver, "putAt", new Object[] {index, value});
        return value;
    }

    public static Object compoundAt(Object receiver, Object index, String op, Object rhs) {
        Object updated = apply(getAt(receiver, index), op, rhs);
        putAt(receiver, index, updated);
        return updated;
    }

    public static Object stepAt(Object receiver, Object index, int delta, boolean prefix) {
        Object old = getAt(receiver, index);
        Object updated = InvokerHelper.invokeMethod(old, delta > 0 ? "next" : "previous", NONE);
        putAt(receiver, index, updated);
        return prefix ? updated : old;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static Object apply(Object old, String op, Object rhs) {
        if (op.equals("elvis")) {
            return org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation.castToBoolean(old) ? old : rhs;
        }
        if (old == null) {
            throw new NullPointerException("Cannot execute null " + op + " " + rhs);
        }
        requireCall(old, op);
        return InvokerHelper.invokeMethod(old, op, new Object[] {rhs});
    }

    /** Owner and delegate in the order the closure's resolve strategy consults them. */
    private static List<Object> targets(Closure<?> c) {
        Object owner = c.getOwner();
        Object delegate = c.getDelegate();
        List<Object> out = new ArrayList<>(2);
        switch (c.getResolveStrategy()) {
            case Closure.OWNER_FIRST, Closure.DELEGATE_FIRST -> {
                out.add(owner);
                out.add(delegate);
            }
            case Closure.OWNER_ONLY -> out.add(owner);
            case Closure.DELEGATE_ONLY -> out.add(delegate);
            default -> {
            }
        }
        out.removeIf(o -> o == null || o == c);
        return out;
    }

    /** Could a call of {@code name} land on {@code target}? */
    private static boolean responds(Object target, String name) {
        if (target instanceof SmartAppScript script) {
            return scriptMethod(script, name) || !metaClass(target).respondsTo(target, name).isEmpty();
        }
        if (target instanceof GroovyObject && hasMissingMethod(target.getClass())) {
            return true;
        }
        return !metaClass(target).respondsTo(target, name).isEmpty();
    }

    private static boolean hasProperty(Object target, String name) {
        if (target instanceof Map<?, ?> || target instanceof SmartAppScript) {
            return true;
        }
        if (target instanceof GroovyObject && hasMissingMethod(target.getClass())) {
            return true;
        }
        return metaClass(target).hasProperty(target, name) != null;
    }

    private static boolean hasMissingMethod(Class<?> type) {
        return decide("M", type, "", () -> {
            for (Method m : type.getMethods()) {
                if (m.getName().equals("methodMissing") || m.getName().equals("propertyMissing")) {
                    return true;
                }
            }
            return false;
        });
    }

    private static MetaClass metaClass(Object target) {
        return InvokerHelper.getMetaClass(target);
    }

    /** A method the app wrote (instance or static): its body went through the sandbox too. */
    private static boolean declaredByApp(Class<?> scriptClass, String name) {
        return decide("D", scriptClass, name, () -> {
            for (Method m : scriptClass.getDeclaredMethods()) {
                if (m.getName().equals(name) && !m.isSynthetic() && !SCRIPT_DENY.contains(name)
                        && !name.startsWith("$")) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * A static method the app wrote; never the compiler's {@code main}, which would run the app's
     * top-level code outside any call scope.
     */
    private static boolean staticOfApp(Class<?> scriptClass, String name) {
        return decide("T", scriptClass, name, () -> {
            for (Method m : scriptClass.getDeclaredMethods()) {
                if (m.getName().equals(name) && !m.isSynthetic() && Modifier.isStatic(m.getModifiers())
                        && !SCRIPT_DENY.contains(name) && !name.startsWith("$")) {
                    return true;
                }
            }
            return false;
        });
    }

    /** An {@code @Field} of the app: calling it by name calls the closure it holds. */
    private static boolean fieldOfApp(Class<?> scriptClass, String name) {
        return decide("F", scriptClass, name, () -> {
            for (java.lang.reflect.Field f : scriptClass.getDeclaredFields()) {
                if (f.getName().equals(name) && !f.isSynthetic() && !name.startsWith("$") && !name.startsWith("__")) {
                    return true;
                }
            }
            return false;
        });
    }

    private static boolean bindingClosure(SmartAppScript script, String name) {
        Binding b = script.getBinding();
        try {
            return b.hasVariable(name) && b.getVariable(name) instanceof Closure<?>;
        } catch (MissingPropertyException e) {
            return false;
        }
    }

    private static Iterable<?> iterable(Object receiver) {
        if (receiver instanceof Iterable<?> it) {
            return it;
        }
        if (receiver instanceof Object[] array) {
            return Arrays.asList(array);
        }
        if (receiver instanceof Map<?, ?> m) {
            return m.entrySet();
        }
        return List.of(receiver);
    }

    private static boolean decide(String kind, Class<?> type, String name, java.util.function.BooleanSupplier rule) {
        String key = kind + '|' + System.identityHashCode(type) + '|' + type.getName() + '|' + name;
        Boolean known = DECISIONS.get(key);
        if (known == null) {
            known = rule.getAsBoolean();
            if (DECISIONS.size() < 100_000) {
                DECISIONS.put(key, known);
            }
        }
        return known;
    }

    private static SandboxViolationException deny(String what) {
        return new SandboxViolationException("not allowed in a SmartApp: " + what);
    }
}
