package hearth.engine.compile;

import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyCodeSource;
import hearth.engine.api.CompilationProblem;
import hearth.engine.api.SmartAppCompilationException;
import hearth.engine.runtime.SmartAppScript;
import hearth.engine.sandbox.AppClassLoader;
import hearth.engine.sandbox.SandboxTransformer;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SimpleMessage;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns SmartApp source into a script class: the {@link SmartAppScript} base class, no global AST
 * transformations (so no Grape), the {@link AnnotationGate} before any transformation runs, and
 * the {@link SandboxTransformer} (run-time checks on every member access, interrupt checks in
 * every loop, method and closure). Each source gets its own
 * class loader, so classes of different apps never meet.
 */
public final class ScriptCompiler {
    private final List<CompilationCustomizer> extraCustomizers;

    public ScriptCompiler(List<CompilationCustomizer> extraCustomizers) {
        this.extraCustomizers = List.copyOf(extraCustomizers);
    }

    @SuppressWarnings("unchecked")
    public Class<? extends SmartAppScript> compile(String source, String className) throws SmartAppCompilationException {
        String text = ClassicSyntax.rewrite(source);
        CompilerConfiguration config = configuration(text);
        ClassLoader parent = SmartAppScript.class.getClassLoader();
        try (GroovyClassLoader loader = new AppClassLoader(parent, config)) {
            Class<?> cls = loader.parseClass(new GroovyCodeSource(text, className + ".groovy", "/hearth/smartapp"),
                    false);
            if (!SmartAppScript.class.isAssignableFrom(cls)) {
                throw new SmartAppCompilationException(List.of(new CompilationProblem(0, 0,
                        "the source must be a SmartApp script, not a class declaration")));
            }
            return (Class<? extends SmartAppScript>) cls;
        } catch (MultipleCompilationErrorsException e) {
            throw new SmartAppCompilationException(problemsOf(e));
        } catch (CompilationFailedException e) {
            throw new SmartAppCompilationException(List.of(new CompilationProblem(0, 0, e.getMessage())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private CompilerConfiguration configuration(String text) {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(SmartAppScript.class.getName());
        config.setSourceEncoding(StandardCharsets.UTF_8.name());
        config.setDisabledGlobalASTTransformations(GLOBAL_TRANSFORMS);
        config.setTolerance(20);
        config.addCompilationCustomizers(new ClassicImports(text)); // before the gate reads the imports
        config.addCompilationCustomizers(new AnnotationGate());
        config.addCompilationCustomizers(new SandboxTransformer());
        extraCustomizers.forEach(config::addCompilationCustomizers);
        return config;
    }

    private static List<CompilationProblem> problemsOf(MultipleCompilationErrorsException e) {
        List<CompilationProblem> problems = new ArrayList<>();
        for (Message m : e.getErrorCollector().getErrors()) {
            if (m instanceof SyntaxErrorMessage s) {
                SyntaxException x = s.getCause();
                problems.add(new CompilationProblem(x.getLine(), x.getStartColumn(), x.getOriginalMessage()));
            } else if (m instanceof ExceptionMessage x) {
                problems.add(new CompilationProblem(0, 0, String.valueOf(x.getCause().getMessage())));
            } else if (m instanceof SimpleMessage x) {
                problems.add(new CompilationProblem(0, 0, x.getMessage()));
            } else {
                problems.add(new CompilationProblem(0, 0, m.toString()));
            }
        }
        if (problems.isEmpty()) {
            problems.add(new CompilationProblem(0, 0, e.getMessage()));
        }
        return problems;
    }

    /**
     * Every global AST transformation the class path registers (Grape's {@code @Grab} handling
     * among them), so that none runs on app code.
     */
    private static final Set<String> GLOBAL_TRANSFORMS = findGlobalTransforms();

    private static Set<String> findGlobalTransforms() {
        Set<String> names = new LinkedHashSet<>();
        ClassLoader cl = ScriptCompiler.class.getClassLoader();
        for (String resource : List.of("META-INF/services/org.codehaus.groovy.transform.ASTTransformation",
                "META-INF/groovy/org.codehaus.groovy.transform.ASTTransformation")) {
            try {
                Enumeration<URL> urls = cl.getResources(resource);
                while (urls.hasMoreElements()) {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(urls.nextElement().openStream(),
                            StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            int hash = line.indexOf('#');
                            String name = (hash >= 0 ? line.substring(0, hash) : line).trim();
                            if (!name.isEmpty()) {
                                names.add(name);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot list global AST transformations", e);
            }
        }
        return Set.copyOf(names);
    }
}
