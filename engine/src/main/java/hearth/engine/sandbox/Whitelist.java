package hearth.engine.sandbox;

import groovy.lang.Closure;
import groovy.lang.MetaMethod;
import org.codehaus.groovy.reflection.CachedField;
import org.codehaus.groovy.reflection.CachedMethod;
import org.codehaus.groovy.reflection.GeneratedMetaMethod;
import org.codehaus.groovy.runtime.metaclass.NewMetaMethod;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one sandbox policy: what SmartApp code may hold and which exact members it may use. Both the
 * compile-time {@link SandboxTransformer} and the run-time {@link Gate} ask it; nothing else
 * decides. Two sources:
 * <ul>
 *   <li>{@code whitelist.txt} beside this class, for JDK and Groovy classes: the concrete classes
 *       app code may hold, and the members it may use, per declaring class (as Jenkins
 *       script-security's StaticWhitelist), never "anything that implements Map";</li>
 *   <li>{@link SmartAppApi} on the engine's own DSL classes and members.</li>
 * </ul>
 * A member is allowed when it is listed for the class that declares it, or it overrides a listed
 * member of a supertype ({@code LinkedHashMap.get} is {@code Map.get}) — and the receiver's own
 * concrete class is one app code may hold, so a JVM-wide object that happens to be a Map
 * ({@code java.security.Provider}) gets nothing.
 */
public final class Whitelist {
    /** Property names refused on every receiver, maps included (Groovy answers the real meta class for them). */
    static final Set<String> RESERVED_PROPERTIES = Set.of("class", "metaClass");

    private static final Set<Class<?>> VALUES = new HashSet<>();
    private static final List<Class<?>> VALUE_FAMILIES = new ArrayList<>();
    private static final Set<String> TYPE_NAMES = new HashSet<>();
    private static final Map<Class<?>, Rule> METHODS = new HashMap<>();
    private static final Map<Class<?>, Rule> STATICS = new HashMap<>();
    private static final Map<Class<?>, Rule> FIELDS = new HashMap<>();
    private static final Set<Class<?>> CONSTRUCTIBLE = new HashSet<>();
    private static final Set<String> GDK = new HashSet<>();
    /** Extension methods allowed only for one self type ("gdk-on CLASS NAME..."). */
    private static final Map<Class<?>, Set<String>> GDK_ON = new HashMap<>();
    private static final Set<Class<?>> DYNAMIC = new HashSet<>();
    private static final Set<String> PRIMITIVES = Set.of("int", "long", "double", "float", "short", "byte",
            "char", "boolean", "void");
    /** Where Groovy's own extension methods live; an extension method from anywhere else is refused. */
    private static final Set<String> EXTENSION_PACKAGES = Set.of("org.codehaus.groovy.runtime",
            "org.codehaus.groovy.runtime.dgmimpl", "org.codehaus.groovy.runtime.dgmimpl.arrays",
            "org.apache.groovy.datetime.extensions", "org.apache.groovy.dateutil.extensions",
            "org.apache.groovy.json", "org.apache.groovy.xml.extensions");
    /** Extension classes of those packages that are not plain data (processes, files, sockets, threads). */
    private static final Set<String> EXTENSION_CLASSES_DENIED = Set.of("ProcessGroovyMethods",
            "IOGroovyMethods", "ResourceGroovyMethods", "SocketGroovyMethods",
            "SqlGroovyMethods", "SwingGroovyMethods", "XmlGroovyMethods", "DefaultGroovyStaticMethods");

    private static final ClassValue<Boolean> ADMITTED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return computeAdmitted(type);
        }
    };
    private static final Map<Object, Boolean> MEMBER_DECISIONS = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        try (InputStream in = Whitelist.class.getResourceAsStream("whitelist.txt")) {
            if (in == null) {
                throw new IllegalStateException("whitelist.txt is missing");
            }
            load(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read whitelist.txt", e);
        }
    }

    private Whitelist() {
    }

    // ---- what app code may hold -------------------------------------------------------------------

    /**
     * May app code hold a value of this concrete class? Listed values, exception families,
     * {@link SmartAppApi} classes, arrays of those, and the classes compiled from app source.
     */
    public static boolean admits(Class<?> type) {
        return ADMITTED.get(type);
    }

    private static boolean computeAdmitted(Class<?> type) {
        if (type.isPrimitive()) {
            return true;
        }
        if (type.isArray()) {
            return admits(type.getComponentType());
        }
        if (VALUES.contains(type) || type.isAnnotationPresent(SmartAppApi.class) || isAppClass(type)) {
            return true;
        }
        for (Class<?> family : VALUE_FAMILIES) {
            if (family.isAssignableFrom(type)) {
                return true;
            }
        }
        // an enum constant with a body is a subclass of its listed enum
        return type.getSuperclass() != null && type.getSuperclass().isEnum() && VALUES.contains(type.getSuperclass());
    }

    /** A class compiled from a SmartApp's source (the script or one of its closures). */
    static boolean isAppClass(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (loader instanceof groovy.lang.GroovyClassLoader.InnerLoader inner) {
            loader = inner.getParent(); // GroovyClassLoader defines each parse's classes in an inner loader
        }
        return loader instanceof AppClassLoader;
    }

    /** A class app code may hold whose own getProperty/invokeMethod is the API (builders, GPath). */
    static boolean dynamic(Class<?> type) {
        for (Class<?> d : DYNAMIC) {
            if (d.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    // ---- compile time: names in source ------------------------------------------------------------

    /** May app code name this class (binary name, arrays as "X[]")? */
    public static boolean isAllowedType(String className) {
        String name = className;
        while (name.endsWith("[]")) {
            name = name.substring(0, name.length() - 2);
        }
        return PRIMITIVES.contains(name) || TYPE_NAMES.contains(name) || NAMEABLE_DSL.computeIfAbsent(name, n -> {
            Class<?> c = classNamed(n);
            return c != null && c.isAnnotationPresent(SmartAppApi.class) && !isAppClass(c);
        });
    }

    /**
     * The classes of one package that app code may name, by simple name: what a star import
     * ({@code import groovy.json.*}) brings in. Nested classes and the package's other classes are
     * not among them, so a star import reaches nothing an explicit import could not.
     */
    public static Map<String, String> nameableIn(String packageName) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String name : TYPE_NAMES) {
            int dot = name.lastIndexOf('.');
            if (dot > 0 && name.substring(0, dot).equals(packageName) && name.indexOf('$') < 0) {
                out.put(name.substring(dot + 1), name);
            }
        }
        return out;
    }

    /** Engine classes app code may name because they carry {@link SmartAppApi} (HubAction, ContentType). */
    private static final Map<String, Boolean> NAMEABLE_DSL = new java.util.concurrent.ConcurrentHashMap<>();

    static boolean isConstructible(String className) {
        if (className.endsWith("[]")) {
            return isAllowedType(className);
        }
        for (Class<?> c : CONSTRUCTIBLE) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        Class<?> c = isAllowedType(className) ? classNamed(className) : null;
        return c != null && Arrays.stream(c.getConstructors()).anyMatch(k -> k.isAnnotationPresent(SmartAppApi.class));
    }

    /** What a name means on a class, without argument types: for refusals at registration. */
    enum Verdict { ALLOWED, FORBIDDEN, MISSING }

    /**
     * A method of that name on instances of {@code type} (or, when {@code statics}, on the class):
     * ALLOWED when some overload is allowed, FORBIDDEN when members of that name exist and none is,
     * MISSING when there is none (Groovy would say MissingMethodException at run time).
     */
    static Verdict methodVerdict(Class<?> type, String name, boolean statics) {
        boolean exists = false;
        for (MetaMethod m : Members.methodsNamed(type, name, statics)) {
            exists = true;
            if (statics ? allowsStatic(m) : allowsMethod(type, m)) {
                return Verdict.ALLOWED;
            }
        }
        return exists ? Verdict.FORBIDDEN : Verdict.MISSING;
    }

    // ---- run time: exact members ------------------------------------------------------------------

    /** An instance method (Java, or a Groovy extension) resolved for a receiver of class {@code type}. */
    static boolean allowsMethod(Class<?> type, MetaMethod m) {
        List<Object> key = List.of(type, m);
        Boolean known = MEMBER_DECISIONS.get(key);
        if (known == null) {
            known = decideMethod(type, m);
            if (MEMBER_DECISIONS.size() > 50_000) {
                MEMBER_DECISIONS.clear(); // app classes come and go; never hold them all
            }
            MEMBER_DECISIONS.put(key, known);
        }
        return known;
    }

    private static boolean decideMethod(Class<?> type, MetaMethod m) {
        if (m instanceof CachedMethod cm) {
            Method method = cm.getCachedMethod();
            if (Modifier.isStatic(method.getModifiers())) {
                // the app's own static methods (Switch API's private static capabilities()), reached from
                // a closure as a call on the script, are the app's as in onClass; its compiled main() never
                if (isAppClass(method.getDeclaringClass())) {
                    return !method.isSynthetic() && !method.getName().equals("main") && !method.getName().startsWith("$");
                }
                return allowsStatic(m);
            }
            if (method.isAnnotationPresent(SmartAppApi.class)) {
                return true;
            }
            if (isAppClass(method.getDeclaringClass())) {
                return !method.isSynthetic();
            }
            // decide on the code the JVM will run for this receiver: its most specific public override
            Method implementation = method;
            try {
                implementation = type.getMethod(method.getName(), method.getParameterTypes());
            } catch (NoSuchMethodException | SecurityException e) {
                // not public on the receiver's class: the resolved one
            }
            if (implementation.isAnnotationPresent(SmartAppApi.class)) {
                return true;
            }
            return listedOrOverrides(implementation, METHODS);
        }
        if (isExtension(m)) {
            Set<String> on = GDK_ON.get(m.getDeclaringClass().getTheClass());
            return GDK.contains(m.getName()) || on != null && on.contains(m.getName());
        }
        return false; // meta-class additions, mixins, closures put on a meta class: never
    }

    /** A static method or field of a class app code names. */
    static boolean allowsStatic(MetaMethod m) {
        if (m instanceof CachedMethod cm) {
            Method method = cm.getCachedMethod();
            if (method.isAnnotationPresent(SmartAppApi.class)) {
                return true;
            }
            Rule rule = STATICS.get(method.getDeclaringClass());
            return rule != null && rule.allows(method.getName(), method.getParameterTypes());
        }
        // static extension methods (Date.parse from groovy-dateutil) by the class they extend
        if (isExtension(m)) {
            Rule rule = STATICS.get(m.getDeclaringClass().getTheClass());
            return rule != null && rule.allows(m.getName(), m.getNativeParameterTypes());
        }
        return false;
    }

    static boolean allowsStaticField(Class<?> owner, Field field) {
        if (field.isAnnotationPresent(SmartAppApi.class)) {
            return true;
        }
        Rule rule = STATICS.get(field.getDeclaringClass());
        return rule != null && rule.allows(field.getName(), null) || STATICS.containsKey(owner)
                && STATICS.get(owner).allows(field.getName(), null) && field.getDeclaringClass().isAssignableFrom(owner);
    }

    static boolean allowsField(CachedField field) {
        Field f = field.getCachedField();
        if (f.isAnnotationPresent(SmartAppApi.class) || isAppClass(f.getDeclaringClass()) && !f.isSynthetic()
                && !f.getName().startsWith("$") && !f.getName().startsWith("__")) {
            return true;
        }
        Rule rule = FIELDS.get(f.getDeclaringClass());
        return rule != null && rule.allows(f.getName(), null);
    }

    static boolean allowsConstructor(Constructor<?> c) {
        return c.isAnnotationPresent(SmartAppApi.class) || CONSTRUCTIBLE.contains(c.getDeclaringClass());
    }

    /** A Java method, or an extension method Groovy itself defines (not one put on a meta class at run time). */
    static boolean isGroovyDefined(MetaMethod m) {
        return m instanceof CachedMethod || EXTENSION_OWNERS.computeIfAbsent(m, Whitelist::ownerOf) != Void.class;
    }

    /** A Groovy extension method from Groovy's own data-operation classes. */
    static boolean isExtension(MetaMethod m) {
        Class<?> owner = EXTENSION_OWNERS.computeIfAbsent(m, Whitelist::ownerOf);
        if (owner == Void.class) {
            return false;
        }
        String name = owner.getName();
        int dot = name.lastIndexOf('.');
        return EXTENSION_PACKAGES.contains(name.substring(0, dot))
                && !EXTENSION_CLASSES_DENIED.contains(name.substring(dot + 1));
    }

    private static final Map<MetaMethod, Class<?>> EXTENSION_OWNERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The class an extension method is written in (Void when it is none). */
    private static Class<?> ownerOf(MetaMethod m) {
        if (m instanceof NewMetaMethod nm) {
            return nm.getCachedMethod() instanceof CachedMethod cm ? cm.getCachedMethod().getDeclaringClass()
                    : Void.class;
        }
        if (m.getClass().getPackageName().startsWith("org.codehaus.groovy.runtime.dgmimpl")) {
            return org.codehaus.groovy.runtime.DefaultGroovyMethods.class; // NumberNumberPlus, array getAt/putAt
        }
        if (m instanceof GeneratedMetaMethod) {
            // the precompiled dgm$N stand for static methods of Groovy's DGM-like classes: find which
            Class<?>[] params = new Class<?>[m.getNativeParameterTypes().length + 1];
            params[0] = m.getDeclaringClass().getTheClass();
            System.arraycopy(m.getNativeParameterTypes(), 0, params, 1, params.length - 1);
            for (Class<?> c : org.codehaus.groovy.runtime.DefaultGroovyMethods.DGM_LIKE_CLASSES) {
                try {
                    Method method = c.getMethod(m.getName(), params);
                    if (Modifier.isStatic(method.getModifiers())) {
                        return c;
                    }
                } catch (NoSuchMethodException e) {
                    // not this one
                }
            }
        }
        return Void.class;
    }

    /** Listed for its declaring class, or for a supertype whose method it overrides. */
    private static boolean listedOrOverrides(Method method, Map<Class<?>, Rule> rules) {
        Deque<Class<?>> todo = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        todo.add(method.getDeclaringClass());
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (!seen.add(c)) {
                continue;
            }
            if (c == method.getDeclaringClass() || declares(c, method)) {
                Rule rule = rules.get(c);
                if (rule != null && rule.allows(method.getName(), method.getParameterTypes())) {
                    return true;
                }
            }
            if (c.getSuperclass() != null) {
                todo.add(c.getSuperclass());
            }
            todo.addAll(Arrays.asList(c.getInterfaces()));
        }
        return false;
    }

    private static boolean declares(Class<?> c, Method method) {
        try {
            Method m = c.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return !Modifier.isPrivate(m.getModifiers()) && !Modifier.isStatic(m.getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    // ---- the list ---------------------------------------------------------------------------------

    /** Member names of one class: "*" for every public one, "-name" left out, "name(T,U)" one signature. */
    private static final class Rule {
        final Set<String> names = new HashSet<>();
        final Set<String> excluded = new HashSet<>();
        final Set<String> signatures = new HashSet<>();
        final Set<String> excludedSignatures = new HashSet<>();
        boolean all;

        void add(String token) {
            if (token.equals("*")) {
                all = true;
            } else if (token.startsWith("-")) {
                (token.contains("(") ? excludedSignatures : excluded).add(token.substring(1));
            } else if (token.contains("(")) {
                signatures.add(token);
            } else {
                names.add(token);
            }
        }

        boolean allows(String name, Class<?>[] parameters) {
            String signature = parameters == null ? null : name + "(" + Arrays.stream(parameters)
                    .map(Class::getTypeName).collect(Collectors.joining(",")) + ")";
            if (signature != null && excludedSignatures.contains(signature)) {
                return false;
            }
            if (names.contains(name) || signature != null && signatures.contains(signature)) {
                return true;
            }
            return all && !excluded.contains(name);
        }
    }

    private static void load(BufferedReader reader) throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (text.isEmpty()) {
                continue;
            }
            String[] t = text.split("\\s+");
            switch (t[0]) {
                case "value" -> forEachClass(t, 1, c -> {
                    VALUES.add(c);
                    TYPE_NAMES.add(c.getName());
                });
                case "value-family" -> forEachClass(t, 1, c -> {
                    VALUE_FAMILIES.add(c);
                    TYPE_NAMES.add(c.getName());
                });
                case "type" -> forEachClass(t, 1, c -> TYPE_NAMES.add(c.getName()));
                case "new" -> forEachClass(t, 1, c -> {
                    CONSTRUCTIBLE.add(c);
                    TYPE_NAMES.add(c.getName());
                });
                case "dynamic" -> forEachClass(t, 1, DYNAMIC::add);
                case "gdk" -> GDK.addAll(Arrays.asList(t).subList(1, t.length));
                case "gdk-on" -> {
                    Class<?> c = classNamed(t[1]);
                    if (c != null) {
                        GDK_ON.computeIfAbsent(c, k -> new HashSet<>()).addAll(Arrays.asList(t).subList(2, t.length));
                    }
                }
                case "method", "static", "field" -> {
                    Class<?> c = classNamed(t[1]);
                    if (c == null) {
                        continue;
                    }
                    Map<Class<?>, Rule> rules = t[0].equals("method") ? METHODS : t[0].equals("static") ? STATICS
                            : FIELDS;
                    Rule rule = rules.computeIfAbsent(c, k -> new Rule());
                    for (int i = 2; i < t.length; i++) {
                        rule.add(t[i]);
                    }
                    if (t[0].equals("static")) {
                        TYPE_NAMES.add(c.getName());
                    }
                }
                default -> throw new IllegalStateException("whitelist.txt: unknown line '" + line + "'");
            }
        }
    }

    private static void forEachClass(String[] tokens, int from, java.util.function.Consumer<Class<?>> action) {
        for (int i = from; i < tokens.length; i++) {
            Class<?> c = classNamed(tokens[i]);
            if (c != null) {
                action.accept(c);
            }
        }
    }

    /** A class of this JDK/Groovy, or null when this runtime hasn't it (nested JDK classes vary). */
    private static Class<?> classNamed(String name) {
        try {
            return Class.forName(name, false, Whitelist.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** For tests and the README: every value class admitted by name. */
    static Set<Class<?>> listedValues() {
        return Set.copyOf(VALUES);
    }

    static boolean isClosure(Object o) {
        return o instanceof Closure<?>;
    }
}
