package hearth.engine.sandbox;

import groovy.lang.Closure;
import groovy.lang.GString;
import groovy.lang.GroovyObject;
import groovy.lang.MetaBeanProperty;
import groovy.lang.MetaMethod;
import groovy.lang.MetaProperty;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import groovy.lang.Script;
import org.codehaus.groovy.reflection.CachedField;
import org.codehaus.groovy.reflection.CachedMethod;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.codehaus.groovy.runtime.NullObject;
import org.codehaus.groovy.runtime.ScriptBytecodeAdapter;
import org.codehaus.groovy.runtime.metaclass.MetaClassRegistryImpl;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one gate app code passes through at run time. The {@link SandboxTransformer} turns every
 * method call, static call, constructor call, property read and write, subscript, operator and
 * coercion of app code into a call of one of these methods. Each
 * <ol>
 *   <li>turns a dynamic name into a String once ({@code x."$name"()}, {@code x[name]}): that String
 *       is what is checked and what is dispatched, so a lazy GString can't answer twice;</li>
 *   <li>finds the exact member Groovy would dispatch to for the receiver's concrete class
 *       ({@link Members}), following Groovy's own rules for closures (the closure, then owner and
 *       delegate in its resolve strategy), scripts (binding first), maps ({@code map.key}) and
 *       GPath-style spreads;</li>
 *   <li>asks the {@link Whitelist} about that member and the receiver's class; a name that
 *       resolves to nothing is Groovy's own MissingMethodException / MissingPropertyException,
 *       a member that exists and is not allowed a {@link SandboxViolationException};</li>
 *   <li>bounds what the call may cost before it runs ({@link Limits}), invokes exactly that member,
 *       and admits the result only if app code may hold a value of its class.</li>
 * </ol>
 */
public final class Gate {
    private static final Object[] NONE = new Object[0];
    /** The closure's own members app code may use (the rest of Closure is plumbing or unsafe). */
    private static final Set<String> CLOSURE_PROPERTIES = Set.of("delegate", "owner", "thisObject",
            "resolveStrategy", "maximumNumberOfParameters", "directive");

    private Gate() {
    }

    // ---- method calls ---------------------------------------------------------------------------

    public static Object call(Object receiver, Object methodName, boolean safe, boolean spread, List<?> arguments)
            throws Throwable {
        String name = nameOf(methodName);
        Object[] args = arguments == null ? NONE : arguments.toArray();
        if (receiver == null) {
            return safe || spread ? null : onNull(name, args);
        }
        if (spread) {
            List<Object> out = new ArrayList<>();
            for (Object element : elements(receiver)) {
                out.add(element == null ? null : invoke(element, name, args));
            }
            return out;
        }
        return invoke(receiver, name, args);
    }

    /** Implicit static calls (static imports, the app's own static methods). */
    public static Object callStatic(Class<?> owner, Object methodName, List<?> arguments) throws Throwable {
        return invoke(owner, nameOf(methodName), arguments == null ? NONE : arguments.toArray());
    }

    static Object invoke(Object receiver, String name, Object[] args) throws Throwable {
        Limits.check();
        if (receiver instanceof Class<?> owner) {
            return onClass(owner, name, args);
        }
        if (receiver instanceof Closure<?> closure) {
            return onClosure(closure, name, args);
        }
        Class<?> type = receiver.getClass();
        if (receiver instanceof Script && Whitelist.isAppClass(type)) {
            return onScript((Script) receiver, name, args);
        }
        requireHeld(type);
        MetaMethod method = Members.method(type, name, args);
        if (method != null) {
            return dispatch(receiver, type, method, args);
        }
        Object fallback = fallback(receiver, type, name, args);
        if (fallback != MISSING) {
            return fallback;
        }
        throw new MissingMethodException(name, type, args);
    }

    private static final Object MISSING = new Object();

    /** What Groovy does when no method matches: a map's closure entry, a DSL's methodMissing, a builder. */
    private static Object fallback(Object receiver, Class<?> type, String name, Object[] args) throws Throwable {
        if (Codecs.handles(name, args)) {
            return admit(Codecs.apply(name, receiver));
        }
        if (receiver instanceof Map<?, ?> map && map.get(name) instanceof Closure<?> entry) {
            return onClosure(entry, "call", args);
        }
        if (Whitelist.dynamic(type) && receiver instanceof GroovyObject g) {
            return admit(g.invokeMethod(name, args.length == 1 ? args[0] : args));
        }
        MetaMethod missing = Members.method(type, "methodMissing", new Object[] {name, args});
        if (missing != null && Whitelist.allowsMethod(type, missing)) {
            return admit(missing.doMethodInvoke(receiver, new Object[] {name, args}));
        }
        return MISSING;
    }

    /** Invokes exactly this member, if allowed: the common end of every instance call. */
    private static Object dispatch(Object receiver, Class<?> type, MetaMethod method, Object[] args) throws Throwable {
        Object reflective = reflective(receiver, method, args);
        if (reflective != MISSING) {
            return reflective;
        }
        if (!Whitelist.allowsMethod(type, method)) {
            throw deny(describe(type, method));
        }
        Limits.beforeCall(receiver, method, args);
        Object regex = SafeRegex.call(receiver, method.getName(), args);
        if (regex != SafeRegex.NOT_REGEX) {
            return admit(regex);
        }
        if (method.getName().equals("grep") && args.length == 1) {
            return admit(method.doMethodInvoke(receiver, new Object[] {SafeRegex.caseValue(args[0])}));
        }
        return admit(method.doMethodInvoke(receiver, args));
    }

    /**
     * Groovy's reflective extension methods: {@code obj.getAt("name")} reads a property and
     * {@code putAt} writes one; they go through the property gate with the same String.
     */
    private static Object reflective(Object receiver, MetaMethod method, Object[] args) {
        if (!Whitelist.isExtension(method) || args.length < 1 || !(args[0] instanceof String property)) {
            return MISSING;
        }
        Class<?> self = method.getDeclaringClass().getTheClass();
        boolean onObject = self == Object.class;
        boolean spread = Iterable.class.isAssignableFrom(self) || self == Object[].class;
        if (method.getName().equals("getAt") && args.length == 1 && (onObject || spread)) {
            return onObject ? read(receiver, property) : spreadRead(receiver, property);
        }
        if (method.getName().equals("putAt") && args.length == 2 && onObject) {
            write(receiver, property, args[1]);
            return null;
        }
        return MISSING;
    }

    /** What Groovy answers on null ({@code null.toString()}, {@code null.each { }}); anything else is an NPE. */
    private static final Set<String> NULL_OBJECT_METHODS = Set.of("toString", "equals", "hashCode", "is",
            "asBoolean", "plus", "iterator");

    private static Object onNull(String name, Object[] args) throws Throwable {
        Object nullObject = NullObject.getNullObject();
        MetaMethod method = Members.method(NullObject.class, name, args);
        if (method != null && (method.getDeclaringClass().getTheClass() == NullObject.class
                ? NULL_OBJECT_METHODS.contains(name) : Whitelist.allowsMethod(NullObject.class, method))) {
            return admit(method.doMethodInvoke(nullObject, args));
        }
        throw new NullPointerException("Cannot invoke method " + name + "() on null object");
    }

    /** {@code Owner.name(args)}: static members of nameable classes, the app's own static methods. */
    private static Object onClass(Class<?> owner, String name, Object[] args) throws Throwable {
        MetaMethod method = Members.staticMethod(owner, name, args);
        if (method != null) {
            if (Whitelist.isAppClass(owner)) {
                if (!Whitelist.isAppClass(method.getDeclaringClass().getTheClass()) || name.equals("main")) {
                    throw deny("static call " + name + "() on the app itself");
                }
            } else if (!Whitelist.allowsStatic(method)) {
                throw deny(owner.getName() + "." + name + "()");
            }
            Limits.beforeCall(owner, method, args);
            Object regex = SafeRegex.callStatic(owner, name, args);
            return admit(regex != SafeRegex.NOT_REGEX ? regex : method.doMethodInvoke(owner, args));
        }
        // a method of the Class object itself (String.getName()): Class's own list decides
        MetaMethod onClassObject = Members.method(Class.class, name, args);
        if (onClassObject != null) {
            return dispatch(owner, Class.class, onClassObject, args);
        }
        throw new MissingMethodException(name, owner, args, true);
    }

    /** A call on the app's own script: its methods, the DSL's, then binding and field closures. */
    private static Object onScript(Script script, String name, Object[] args) throws Throwable {
        Class<?> type = script.getClass();
        MetaMethod method = Members.method(type, name, args);
        if (method != null) {
            return dispatch(script, type, method, args);
        }
        Object closure = scriptClosure(script, name);
        if (closure != null) {
            return onClosure((Closure<?>) closure, "call", args);
        }
        throw new MissingMethodException(name, type, args);
    }

    /** A closure the script can call by name: a binding variable or one of the app's fields. */
    private static Object scriptClosure(Script script, String name) {
        Object bound = script.getBinding().getVariables().get(name);
        if (bound instanceof Closure<?>) {
            return bound;
        }
        Field field = Members.appField(script.getClass(), name);
        Object value = field == null ? null : fieldValue(field, script);
        return value instanceof Closure<?> ? value : null;
    }

    /**
     * A call on a closure, or an implicit call inside one: the closure's own methods first, then
     * the members of owner and delegate in the order of its resolve strategy (maps answer with
     * their closure entries there), then their dynamic fallbacks — Groovy's order.
     */
    private static Object onClosure(Closure<?> closure, String name, Object[] args) throws Throwable {
        Class<?> type = closure.getClass();
        requireHeld(type);
        MetaMethod own = Members.method(type, name, args);
        if (own != null) {
            return dispatch(closure, type, own, args);
        }
        List<Object> targets = targets(closure);
        for (Object target : targets) {
            if (target instanceof Closure<?> || target instanceof Class<?>) {
                continue;
            }
            Class<?> t = target.getClass();
            if (target instanceof Script && Whitelist.isAppClass(t)) {
                MetaMethod m = Members.method(t, name, args);
                if (m != null) {
                    return dispatch(target, t, m, args);
                }
                continue;
            }
            requireHeld(t);
            MetaMethod m = Members.method(t, name, args);
            if (m != null) {
                return dispatch(target, t, m, args);
            }
            if (target instanceof Map<?, ?> map && map.get(name) instanceof Closure<?> entry) {
                return onClosure(entry, "call", args);
            }
        }
        for (Object target : targets) {
            if (target instanceof Closure<?> inner) {
                if (responds(inner, name, args, new java.util.HashSet<>())) {
                    return onClosure(inner, name, args);
                }
            } else if (target instanceof Script script && Whitelist.isAppClass(target.getClass())) {
                Object c = scriptClosure(script, name);
                if (c != null) {
                    return onClosure((Closure<?>) c, "call", args);
                }
            } else if (!(target instanceof Class<?>)) {
                Object fallback = fallback(target, target.getClass(), name, args);
                if (fallback != MISSING) {
                    return fallback;
                }
            }
        }
        throw new MissingMethodException(name, type, args);
    }

    /** Would a call of {@code name} on this closure find anything (without running it)? */
    private static boolean responds(Closure<?> closure, String name, Object[] args, Set<Object> seen) {
        if (!seen.add(closure)) {
            return false;
        }
        if (Members.method(closure.getClass(), name, args) != null) {
            return true;
        }
        for (Object target : targets(closure)) {
            if (target instanceof Closure<?> inner) {
                if (responds(inner, name, args, seen)) {
                    return true;
                }
            } else if (target instanceof Script script && Whitelist.isAppClass(target.getClass())) {
                if (Members.method(target.getClass(), name, args) != null || scriptClosure(script, name) != null) {
                    return true;
                }
            } else if (!(target instanceof Class<?>)) {
                Class<?> t = target.getClass();
                if (Members.method(t, name, args) != null || target instanceof Map<?, ?> m
                        && m.get(name) instanceof Closure<?> || Whitelist.dynamic(t)
                        || Members.method(t, "methodMissing", new Object[] {name, args}) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- constructors and coercion --------------------------------------------------------------

    /**
     * {@code new T(args)}: the class was checked at registration; here the constructor Groovy picks
     * must be allowed and sizes are bounded, since {@code new ArrayList(2_000_000_000)} allocates
     * before any check could run.
     */
    public static Object construct(Class<?> type, List<?> arguments) throws Throwable {
        Limits.check();
        Object[] args = arguments == null ? NONE : arguments.toArray();
        if (!Whitelist.isAppClass(type) && !constructorAllowed(type)) {
            throw deny("creating " + type.getName());
        }
        Limits.beforeConstruct(type, args);
        return admit(InvokerHelper.invokeConstructorOf(type, args));
    }

    private static boolean constructorAllowed(Class<?> type) {
        for (Constructor<?> c : type.getConstructors()) {
            if (Whitelist.allowsConstructor(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code value as Type}: only to nameable types, and never a map or closure turned into an
     * arbitrary interface (that generates a proxy class).
     */
    public static Object asType(Object value, Class<?> type) throws Throwable {
        Limits.check();
        if (type.getName().equals("grails.converters.JSON") && type.isAnnotationPresent(SmartAppApi.class)) {
            // Grails' `map as JSON`: the converter wraps the value (Groovy would spread a list into
            // the constructor's arguments)
            return admit(type.getConstructor(Object.class).newInstance(value));
        }
        if (!Whitelist.isAllowedType(type.getName()) && !type.isArray()) {
            throw deny("converting to " + type.getName());
        }
        if ((value instanceof Map<?, ?> || value instanceof Closure<?>) && type.isInterface()
                && !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type)
                && type != Iterable.class) {
            throw deny("turning a " + (value instanceof Map<?, ?> ? "map" : "closure") + " into " + type.getName());
        }
        if (value != null && !(value instanceof Closure<?>)) {
            requireHeld(value.getClass());
        }
        Limits.beforeCoerce(value, type);
        return admit(ScriptBytecodeAdapter.asType(value, type));
    }

    // ---- operators ------------------------------------------------------------------------------

    /**
     * {@code a + b}, {@code a ** b}, {@code a << b}, ...: the method the operator stands for, through
     * the same gate as a call (so costs are bounded and a leaked object can't be operated on).
     */
    public static Object operator(Object left, String method, Object right) throws Throwable {
        if (left == null) {
            return onNull(method, new Object[] {right});
        }
        if (left instanceof Number && right instanceof Number && Limits.cheapArithmetic(method, left, right)) {
            return InvokerHelper.invokeMethod(left, method, new Object[] {right});
        }
        return invoke(left, method, new Object[] {right});
    }

    /** {@code -a}, {@code ~a}. */
    public static Object unary(Object operand, String method) throws Throwable {
        if (operand == null) {
            throw new NullPointerException("Cannot invoke method " + method + "() on null object");
        }
        return invoke(operand, method, NONE);
    }

    // ---- properties -----------------------------------------------------------------------------

    public static Object getProperty(Object receiver, Object propertyName, boolean safe, boolean spread) {
        String name = nameOf(propertyName);
        if (receiver == null) {
            if (safe || spread) {
                return null;
            }
            throw new NullPointerException("Cannot get property '" + name + "' on null object");
        }
        if (spread) {
            return spreadRead(receiver, name);
        }
        return read(receiver, name);
    }

    public static Object setProperty(Object receiver, Object propertyName, Object value, boolean safe, boolean spread) {
        String name = nameOf(propertyName);
        if (receiver == null) {
            if (safe) {
                return value;
            }
            throw new NullPointerException("Cannot set property '" + name + "' on null object");
        }
        if (spread) {
            for (Object element : elements(receiver)) {
                if (element != null) {
                    write(element, name, value);
                }
            }
            return value;
        }
        write(receiver, name, value);
        return value;
    }

    /** {@code obj.name op= rhs} (and for a dynamic variable, {@code name op= rhs}). */
    public static Object compoundProperty(Object receiver, Object propertyName, String op, Object rhs)
            throws Throwable {
        String name = nameOf(propertyName);
        Object updated = apply(getProperty(receiver, name, false, false), op, rhs);
        setProperty(receiver, name, updated, false, false);
        return updated;
    }

    /** {@code obj.name++} and friends: {@code delta} is +1 or -1. */
    public static Object stepProperty(Object receiver, Object propertyName, int delta, boolean prefix)
            throws Throwable {
        String name = nameOf(propertyName);
        Object old = getProperty(receiver, name, false, false);
        Object updated = step(old, delta);
        setProperty(receiver, name, updated, false, false);
        return prefix ? updated : old;
    }

    static Object read(Object receiver, String name) {
        Limits.check();
        if (Whitelist.RESERVED_PROPERTIES.contains(name)) {
            throw deny("reading " + (receiver instanceof Class<?> c ? c : receiver.getClass()).getName() + "." + name);
        }
        if (receiver instanceof Class<?> owner) {
            return readStatic(owner, name);
        }
        if (receiver instanceof Closure<?> closure) {
            return readOnClosure(closure, name);
        }
        Class<?> type = receiver.getClass();
        if (receiver instanceof Script script && Whitelist.isAppClass(type)) {
            Object v = readOnScript(script, name, true);
            return v;
        }
        requireHeld(type);
        if (receiver instanceof Map<?, ?> map) {
            return admit(map.get(name)); // Groovy: map.key is map.get(key), whatever the key
        }
        if (Whitelist.dynamic(type) && receiver instanceof GroovyObject g) {
            return admit(g.getProperty(name)); // GPath navigation: the object's own getProperty is the API
        }
        MetaProperty p = Members.property(type, name);
        if (p != null) {
            return readMember(receiver, type, p);
        }
        MetaMethod missing = Members.method(type, "propertyMissing", new Object[] {name});
        if (missing != null && Whitelist.allowsMethod(type, missing)) {
            return admit(missing.doMethodInvoke(receiver, new Object[] {name}));
        }
        if (receiver instanceof Iterable<?> || receiver instanceof Object[]) {
            return collectRead(receiver, name); // list.name reads name from every element
        }
        throw new MissingPropertyException(name, type);
    }

    /**
     * {@code list.name} (no spread operator): Groovy's GPath, which skips null elements and reports
     * an element without the property as a failure of the list's property, in Groovy's own words.
     */
    private static Object collectRead(Object receiver, String name) {
        List<Object> out = new ArrayList<>();
        Iterable<?> all = elements(receiver); // an array as Groovy sees it here: Arrays.asList
        for (Object element : all) {
            if (element == null) {
                continue;
            }
            try {
                out.add(read(element, name));
            } catch (MissingPropertyException e) {
                if (!name.equals(e.getProperty()) || e.getType() != element.getClass()) {
                    throw e;
                }
                throw new MissingPropertyException("Exception evaluating property '" + name + "' for "
                        + all.getClass().getName() + ", Reason: " + new MissingPropertyException(name,
                        element.getClass()));
            }
        }
        return out;
    }

    private static Object readMember(Object receiver, Class<?> type, MetaProperty p) {
        if (p instanceof MetaBeanProperty bean && bean.getGetter() != null) {
            MetaMethod getter = bean.getGetter();
            if (!Whitelist.allowsMethod(type, getter)) {
                throw deny("reading " + type.getName() + "." + p.getName());
            }
            Limits.beforeCall(receiver, getter, NONE);
            return admit(getter.doMethodInvoke(receiver, NONE));
        }
        CachedField field = p instanceof CachedField f ? f : p instanceof MetaBeanProperty bean ? bean.getField() : null;
        if (field != null) {
            if (!Whitelist.allowsField(field) || Modifier.isStatic(field.getModifiers())) {
                throw deny("reading " + type.getName() + "." + p.getName());
            }
            return admit(field.getProperty(receiver));
        }
        if (p instanceof groovy.lang.MetaArrayLengthProperty) {
            return p.getProperty(receiver);
        }
        throw deny("reading " + type.getName() + "." + p.getName());
    }

    private static Object spreadRead(Object receiver, String name) {
        List<Object> out = new ArrayList<>();
        for (Object element : elements(receiver)) {
            out.add(element == null ? null : read(element, name));
        }
        return out;
    }

    /** {@code Integer.MAX_VALUE}, {@code Locale.US}, {@code String.name}. */
    private static Object readStatic(Class<?> owner, String name) {
        MetaProperty p = Members.property(owner, name);
        if (p instanceof CachedField f && Modifier.isStatic(f.getModifiers())) {
            Field field = f.getCachedField();
            if (Whitelist.isAppClass(owner) ? !field.isSynthetic() && !name.startsWith("$") && !name.startsWith("__")
                    : Whitelist.allowsStaticField(owner, field)) {
                return admit(f.getProperty(owner));
            }
            throw deny("reading " + owner.getName() + "." + name);
        }
        if (p instanceof MetaBeanProperty bean && bean.getGetter() != null && bean.getGetter().isStatic()) {
            if (!Whitelist.allowsStatic(bean.getGetter())) {
                throw deny("reading " + owner.getName() + "." + name);
            }
            return admit(bean.getGetter().doMethodInvoke(owner, NONE));
        }
        MetaProperty ofClass = Members.property(Class.class, name);
        if (ofClass != null) {
            return readMember(owner, Class.class, ofClass);
        }
        throw new MissingPropertyException(name, owner);
    }

    /**
     * A name on the app's script: the binding first (params, state, settings, devices), then the
     * app's fields and the DSL's getters; an undefined name is the script's own business
     * ({@code getProperty}: null with a warning in a call, as classic apps relied on).
     */
    private static Object readOnScript(Script script, String name, boolean undefinedAnswers) {
        Map<?, ?> variables = script.getBinding().getVariables();
        if (variables.containsKey(name)) {
            return variables.get(name);
        }
        Class<?> type = script.getClass();
        Field field = Members.appField(type, name);
        if (field != null) {
            return fieldValue(field, script);
        }
        MetaProperty p = Members.property(type, name);
        if (p != null) {
            return readMember(script, type, p);
        }
        if (!undefinedAnswers && !script.getBinding().hasVariable(name)) {
            return MISSING;
        }
        return admit(script.getProperty(name)); // binding fallback (dynamic inputs, handler names), else undefined
    }

    /** Closure.getProperty's order: its own properties, then owner and delegate by its strategy. */
    private static Object readOnClosure(Closure<?> closure, String name) {
        requireHeld(closure.getClass());
        if (CLOSURE_PROPERTIES.contains(name)) {
            return admit(closure.getProperty(name));
        }
        if (name.equals("parameterTypes")) {
            throw deny("reading parameterTypes of a closure");
        }
        List<Object> targets = targets(closure);
        Script script = null;
        for (Object target : targets) {
            Object v = tryRead(target, name);
            if (v != MISSING) {
                return v;
            }
            if (target instanceof Script s && Whitelist.isAppClass(s.getClass())) {
                script = s;
            }
        }
        if (script != null) {
            return admit(script.getProperty(name)); // no one defines it: the script's undefined-name rule
        }
        throw new MissingPropertyException(name, closure.getClass());
    }

    /** A read that answers MISSING instead of failing when the target has no such property. */
    private static Object tryRead(Object target, String name) {
        if (target instanceof Script script && Whitelist.isAppClass(target.getClass())) {
            return readOnScript(script, name, false);
        }
        if (target instanceof Closure<?> inner) {
            try {
                return readOnClosure(inner, name);
            } catch (MissingPropertyException e) {
                return MISSING;
            }
        }
        try {
            return read(target, name);
        } catch (MissingPropertyException e) {
            if (name.equals(e.getProperty())) {
                return MISSING;
            }
            throw e;
        }
    }

    static void write(Object receiver, String name, Object value) {
        Limits.check();
        if (Whitelist.RESERVED_PROPERTIES.contains(name)) {
            throw deny("writing " + (receiver instanceof Class<?> c ? c : receiver.getClass()).getName() + "." + name);
        }
        if (receiver instanceof Closure<?> closure) {
            writeOnClosure(closure, name, value);
            return;
        }
        if (receiver instanceof Class<?> owner) {
            throw deny("writing " + owner.getName() + "." + name);
        }
        Class<?> type = receiver.getClass();
        if (receiver instanceof Script script && Whitelist.isAppClass(type)) {
            writeOnScript(script, name, value);
            return;
        }
        requireHeld(type);
        if (receiver instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            Map<Object, Object> map = (Map<Object, Object>) receiver;
            map.put(name, value);
            return;
        }
        if (Whitelist.dynamic(type) && receiver instanceof GroovyObject g) {
            g.setProperty(name, value);
            return;
        }
        MetaProperty p = Members.property(type, name);
        if (p instanceof MetaBeanProperty bean && bean.getSetter() != null) {
            MetaMethod setter = bean.getSetter();
            if (!Whitelist.allowsMethod(type, setter)) {
                throw deny("writing " + type.getName() + "." + name);
            }
            Limits.beforeCall(receiver, setter, new Object[] {value});
            setter.doMethodInvoke(receiver, new Object[] {value});
            return;
        }
        if (p != null) {
            throw deny("writing " + type.getName() + "." + name);
        }
        if (receiver instanceof Iterable<?> || receiver instanceof Object[]) {
            for (Object element : elements(receiver)) {
                if (element != null) {
                    write(element, name, value);
                }
            }
            return;
        }
        throw new MissingPropertyException(name, type);
    }

    /** Script.setProperty: a binding variable (as Groovy's, even for a field's name), never the script's plumbing. */
    private static void writeOnScript(Script script, String name, Object value) {
        if (Members.appField(script.getClass(), name) != null) {
            script.getBinding().setVariable(name, value);
            return;
        }
        MetaProperty p = Members.property(script.getClass(), name);
        if (p != null && !script.getBinding().getVariables().containsKey(name)) {
            throw deny("writing '" + name + "'");
        }
        script.getBinding().setVariable(name, value);
    }

    private static void writeOnClosure(Closure<?> closure, String name, Object value) {
        requireHeld(closure.getClass());
        if (CLOSURE_PROPERTIES.contains(name) || name.equals("parameterTypes")) {
            throw deny("writing " + name + " of a closure");
        }
        List<Object> targets = targets(closure);
        for (Object target : targets) {
            if (target instanceof Script || target instanceof Map<?, ?> || target instanceof Closure<?>) {
                write(target, name, value); // these take any name (Groovy: the first target wins)
                return;
            }
            if (target instanceof Class<?>) {
                continue;
            }
            if (Members.property(target.getClass(), name) != null) {
                write(target, name, value);
                return;
            }
        }
        throw new MissingPropertyException(name, closure.getClass());
    }

    // ---- subscripts -----------------------------------------------------------------------------

    public static Object getAt(Object receiver, Object index) throws Throwable {
        Object key = index instanceof GString g ? g.toString() : index;
        if (receiver == null) {
            throw new NullPointerException("Cannot get [" + key + "] of null object");
        }
        if (receiver instanceof Map<?, ?> map && !(receiver instanceof Closure<?>)) {
            Limits.check();
            requireHeld(receiver.getClass());
            // a null key is a key as any other ([a: 1][null] is null in Groovy); Set.of(...) can't be asked of it
            if (key != null && Whitelist.RESERVED_PROPERTIES.contains(key)) {
                throw deny("reading '" + key + "'");
            }
            return admit(map.get(key));
        }
        return invoke(receiver, "getAt", new Object[] {key});
    }

    public static Object putAt(Object receiver, Object index, Object value) throws Throwable {
        Object key = index instanceof GString g ? g.toString() : index;
        if (receiver == null) {
            throw new NullPointerException("Cannot set [" + key + "] of null object");
        }
        if (receiver instanceof Map<?, ?> && !(receiver instanceof Closure<?>)) {
            Limits.check();
            requireHeld(receiver.getClass());
            // a null key is a key as any other ([a: 1][null] is null in Groovy); Set.of(...) can't be asked of it
            if (key != null && Whitelist.RESERVED_PROPERTIES.contains(key)) {
                throw deny("writing '" + key + "'");
            }
            @SuppressWarnings("unchecked")
            Map<Object, Object> map = (Map<Object, Object>) receiver;
            map.put(key, value);
            return value;
        }
        invoke(receiver, "putAt", new Object[] {key, value});
        return value;
    }

    public static Object compoundAt(Object receiver, Object index, String op, Object rhs) throws Throwable {
        Object key = index instanceof GString g ? g.toString() : index;
        Object updated = apply(getAt(receiver, key), op, rhs);
        putAt(receiver, key, updated);
        return updated;
    }

    public static Object stepAt(Object receiver, Object index, int delta, boolean prefix) throws Throwable {
        Object key = index instanceof GString g ? g.toString() : index;
        Object old = getAt(receiver, key);
        Object updated = step(old, delta);
        putAt(receiver, key, updated);
        return prefix ? updated : old;
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** The one conversion of a dynamic name to the String that is checked and dispatched. */
    private static String nameOf(Object name) {
        return name instanceof String s ? s : String.valueOf(name);
    }

    private static Object apply(Object old, String op, Object rhs) throws Throwable {
        if (op.equals("elvis")) {
            return DefaultTypeTransformation.castToBoolean(old) ? old : rhs;
        }
        if (old == null) {
            throw new NullPointerException("Cannot execute null " + op + " " + rhs);
        }
        return operator(old, op, rhs);
    }

    private static Object step(Object old, int delta) throws Throwable {
        if (old == null) {
            throw new NullPointerException("Cannot execute null " + (delta > 0 ? "++" : "--"));
        }
        return invoke(old, delta > 0 ? "next" : "previous", NONE);
    }

    /** The result of a member app code used: only values of classes it may hold reach it. */
    static Object admit(Object value) {
        if (value == null || value instanceof NullObject) {
            return null; // what Groovy's methods on null answer
        }
        Class<?> type = value.getClass();
        if (!Whitelist.admits(type) && !(value instanceof Class<?> c && Whitelist.isAllowedType(c.getName()))) {
            throw deny("holding a " + type.getName() + " (it isn't a plain value)");
        }
        Limits.admitNumber(value);
        return value;
    }

    private static Object fieldValue(Field field, Object owner) {
        try {
            return field.get(Modifier.isStatic(field.getModifiers()) ? null : owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireHeld(Class<?> type) {
        if (!Whitelist.admits(type)) {
            throw deny("using a " + type.getName());
        }
    }

    /** Owner and delegate in the order the closure's resolve strategy consults them. */
    private static List<Object> targets(Closure<?> c) {
        Object owner = c.getOwner();
        Object delegate = c.getDelegate();
        List<Object> out = new ArrayList<>(2);
        switch (c.getResolveStrategy()) {
            case Closure.OWNER_FIRST -> {
                out.add(owner);
                out.add(delegate);
            }
            case Closure.DELEGATE_FIRST -> {
                out.add(delegate);
                out.add(owner);
            }
            case Closure.OWNER_ONLY -> out.add(owner);
            case Closure.DELEGATE_ONLY -> out.add(delegate);
            default -> {
            }
        }
        out.removeIf(o -> o == null || o == c);
        if (out.size() == 2 && out.get(0) == out.get(1)) {
            out.remove(1);
        }
        return out;
    }

    private static Iterable<?> elements(Object receiver) {
        if (receiver instanceof Iterable<?> it) {
            requireHeld(receiver.getClass());
            return it;
        }
        if (receiver instanceof Object[] array) {
            return Arrays.asList(array);
        }
        if (receiver instanceof Map<?, ?> m) {
            requireHeld(receiver.getClass());
            return m.entrySet();
        }
        return List.of(receiver);
    }

    private static String describe(Class<?> type, MetaMethod method) {
        String declaring = method instanceof CachedMethod cm ? cm.getCachedMethod().getDeclaringClass().getName()
                : method.getDeclaringClass().getName();
        return type.getName() + "." + method.getName() + "()"
                + (declaring.equals(type.getName()) ? "" : " (of " + declaring + ")");
    }

    static SandboxViolationException deny(String what) {
        return new SandboxViolationException("not allowed in a SmartApp: " + what);
    }

    static {
        // Meta classes are read, never replaced, from app code; make sure Groovy's registry is the real one.
        if (!(groovy.lang.GroovySystem.getMetaClassRegistry() instanceof MetaClassRegistryImpl)) {
            throw new IllegalStateException("unexpected meta class registry");
        }
    }
}
