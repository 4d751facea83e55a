package hearth.engine.sandbox;

import groovy.lang.GroovySystem;
import groovy.lang.MetaClass;
import groovy.lang.MetaClassImpl;
import groovy.lang.MetaMethod;
import groovy.lang.MetaProperty;
import org.codehaus.groovy.runtime.MetaClassHelper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the exact member Groovy would dispatch to, from the class's own meta class (as Groovy's
 * call sites do; as Jenkins' GroovyCallSiteSelector does), so that what the {@link Gate} checks is
 * what it then invokes. Answers are cached per receiver class and argument classes; meta classes
 * never change under app code, which can't reach them.
 */
final class Members {
    private static final int MAX_PER_CLASS = 2_000;
    private static final Optional<MetaMethod> NONE = Optional.empty();

    private static final ClassValue<Map<Signature, Optional<MetaMethod>>> METHODS = new ClassValue<>() {
        @Override
        protected Map<Signature, Optional<MetaMethod>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };
    private static final ClassValue<Map<Signature, Optional<MetaMethod>>> STATIC_METHODS = new ClassValue<>() {
        @Override
        protected Map<Signature, Optional<MetaMethod>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };
    private static final ClassValue<Map<String, Optional<MetaProperty>>> PROPERTIES = new ClassValue<>() {
        @Override
        protected Map<String, Optional<MetaProperty>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private Members() {
    }

    /**
     * The class as Groovy itself defines it (its Java members and Groovy's extension methods), in a
     * meta class of the gate's own: whatever anyone registers in the JVM-wide registry
     * ({@code String.metaClass.x = ...}, {@code ExpandoMetaClass.enableGlobally()}) is invisible to
     * app code's dispatch, so no app can change what another's calls do.
     */
    private static final ClassValue<MetaClass> PRISTINE = new ClassValue<>() {
        @Override
        protected MetaClass computeValue(Class<?> type) {
            MetaClassImpl mc = new MetaClassImpl(GroovySystem.getMetaClassRegistry(), type);
            mc.initialize();
            return mc;
        }
    };

    static MetaClass metaClass(Class<?> type) {
        return PRISTINE.get(type);
    }

    /** The instance (or extension) method {@code receiver.name(args)} dispatches to; null when none. */
    static MetaMethod method(Class<?> type, String name, Object[] args) {
        Class<?>[] classes = MetaClassHelper.convertToTypeArray(args);
        Map<Signature, Optional<MetaMethod>> known = METHODS.get(type);
        Signature key = new Signature(name, classes);
        Optional<MetaMethod> found = known.get(key);
        if (found == null) {
            found = Optional.ofNullable(metaClass(type).pickMethod(name, classes));
            remember(known, key, found);
        }
        return found.orElse(null);
    }

    /** The static method {@code Owner.name(args)} dispatches to; null when none. */
    static MetaMethod staticMethod(Class<?> owner, String name, Object[] args) {
        Class<?>[] classes = MetaClassHelper.convertToTypeArray(args);
        Map<Signature, Optional<MetaMethod>> known = STATIC_METHODS.get(owner);
        Signature key = new Signature(name, classes);
        Optional<MetaMethod> found = known.get(key);
        if (found == null) {
            MetaMethod m = metaClass(owner) instanceof MetaClassImpl impl ? impl.retrieveStaticMethod(name, args) : null;
            found = m != null && m.isStatic() ? Optional.of(m) : NONE;
            remember(known, key, found);
        }
        return found.orElse(null);
    }

    /** The property {@code receiver.name} reads or writes (getter/setter, field); null when none. */
    static MetaProperty property(Class<?> type, String name) {
        Map<String, Optional<MetaProperty>> known = PROPERTIES.get(type);
        Optional<MetaProperty> found = known.get(name);
        if (found == null) {
            found = Optional.ofNullable(metaClass(type).getMetaProperty(name));
            if (known.size() > MAX_PER_CLASS) {
                known.clear();
            }
            known.put(name, found);
        }
        return found.orElse(null);
    }

    private static final ClassValue<Map<String, Optional<java.lang.reflect.Field>>> APP_FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, Optional<java.lang.reflect.Field>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** A field the app's source declares ({@code @Field def x}), by name; null when none. */
    static java.lang.reflect.Field appField(Class<?> scriptClass, String name) {
        return APP_FIELDS.get(scriptClass).computeIfAbsent(name, n -> {
            try {
                java.lang.reflect.Field f = scriptClass.getDeclaredField(n);
                if (f.isSynthetic() || n.startsWith("$") || n.startsWith("__")) {
                    return Optional.empty();
                }
                f.setAccessible(true);
                return Optional.of(f);
            } catch (NoSuchFieldException | RuntimeException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    /** Every method of that name a receiver of {@code type} could reach (for verdicts at registration). */
    static List<MetaMethod> methodsNamed(Class<?> type, String name, boolean statics) {
        MetaClass mc = metaClass(type);
        List<MetaMethod> out = new ArrayList<>();
        for (List<MetaMethod> list : List.of(mc.getMethods(), mc.getMetaMethods())) {
            for (MetaMethod m : list) {
                if (m.getName().equals(name) && m.isStatic() == statics
                        && Whitelist.isGroovyDefined(m)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static void remember(Map<Signature, Optional<MetaMethod>> known, Signature key,
                                 Optional<MetaMethod> found) {
        if (known.size() > MAX_PER_CLASS) {
            known.clear();
        }
        known.put(key, found);
    }

    /** A method name with the classes of the arguments (null for a null argument). */
    private static final class Signature {
        private final String name;
        private final Class<?>[] args;
        private final int hash;

        Signature(String name, Class<?>[] args) {
            this.name = name;
            this.args = args;
            this.hash = 31 * name.hashCode() + Arrays.hashCode(args);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Signature s && s.hash == hash && s.name.equals(name) && Arrays.equals(s.args, args);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
