package hearth.engine.compile;

import hearth.engine.sandbox.SandboxTransformer;
import hearth.engine.sandbox.Whitelist;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The imports classic apps wrote, made to reach exactly what explicit imports of allowed classes
 * reach, before names are resolved:
 * <ul>
 *   <li>a star import ({@code import groovy.json.*}) becomes explicit imports of the classes of
 *       that package app code may name anyway ({@link Whitelist#nameableIn}); any other class of
 *       the package stays unknown, and the sandbox refuses its name where the app uses it
 *       ({@link SandboxTransformer#STAR_PACKAGES});</li>
 *   <li>an import of a class the app may not use, or that this JVM hasn't (HousePanel imports
 *       {@code java.util.concurrent.Semaphore}, SmartBlock Manager a CORBA class of Java 7), and
 *       whose name the source never mentions again, is dropped: it reaches nothing. One the
 *       source does use stays, and the sandbox refuses it with its name.</li>
 * </ul>
 * Static star imports are left for the sandbox to refuse.
 */
public final class ClassicImports extends CompilationCustomizer {
    /** Annotations an app may import (the annotations themselves are checked by AnnotationGate). */
    private static final Map<String, Map<String, String>> ANNOTATIONS = Map.of("groovy.transform",
            Map.of("Field", "groovy.transform.Field"));

    private final String text;

    /** {@code text}: the source as it is compiled, to tell which imported names it uses. */
    public ClassicImports(String text) {
        super(CompilePhase.CONVERSION);
        this.text = text;
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        ModuleNode module = source.getAST();
        synchronized (module) {
            if (module.getNodeMetaData(SandboxTransformer.STAR_PACKAGES) != null) {
                return;
            }
            dropUnusedImports(module);
            List<String> packages = new ArrayList<>();
            List<ImportNode> stars = new ArrayList<>(module.getStarImports());
            module.getStarImports().clear();
            for (ImportNode star : stars) {
                String pkg = star.getPackageName().substring(0, star.getPackageName().length() - 1);
                packages.add(pkg);
                Map<String, String> names = new java.util.TreeMap<>(Whitelist.nameableIn(pkg));
                names.putAll(ANNOTATIONS.getOrDefault(pkg, Map.of()));
                names.forEach((simple, full) -> {
                    if (module.getImport(simple) == null) {
                        ClassNode type = ClassHelper.make(full);
                        type.setSourcePosition(star);
                        module.addImport(simple, type);
                        module.getImport(simple).setSourcePosition(star);
                    }
                });
            }
            module.putNodeMetaData(SandboxTransformer.STAR_PACKAGES, List.copyOf(packages));
        }
    }

    private void dropUnusedImports(ModuleNode module) {
        // ModuleNode has no way to take an import back: its list, and the alias map it caches from it
        List<ImportNode> imports = moduleImports(module);
        boolean dropped = imports.removeIf(i -> {
            String full = i.getType().getName();
            if (!i.getAnnotations().isEmpty() || Whitelist.isAllowedType(full) || ANNOTATIONS.values().stream().anyMatch(m -> m.containsValue(full))) {
                return false;
            }
            // the name as a word of its own (not after a dot); an alias is also named by its import
            Pattern word = Pattern.compile("(?<![\\w$.])" + Pattern.quote(i.getAlias()) + "(?![\\w$])");
            boolean aliased = !i.getAlias().equals(i.getType().getNameWithoutPackage());
            return word.matcher(text).results().count() <= (aliased ? 1 : 0);
        });
        if (dropped) {
            module.removeNodeMetaData("import.aliases");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<ImportNode> moduleImports(ModuleNode module) {
        try {
            java.lang.reflect.Field field = ModuleNode.class.getDeclaredField("imports");
            field.setAccessible(true);
            return (List<ImportNode>) field.get(module);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Groovy's ModuleNode keeps its imports elsewhere", e);
        }
    }
}
