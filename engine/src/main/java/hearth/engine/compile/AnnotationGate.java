package hearth.engine.compile;

import org.codehaus.groovy.ast.AnnotatedNode;
import org.codehaus.groovy.ast.AnnotationNode;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Refuses every annotation but a short whitelist at the CONVERSION phase, before any local AST
 * transformation gets to run: {@code @ASTTest} runs its closure inside the compiler and
 * {@code @Grab} fetches code, so a check at run time would come too late. Names are resolved the
 * way the compiler would (aliases, fully qualified names); a simple name that is neither imported
 * explicitly nor one of the harmless java.lang markers is refused, since star and default imports
 * ({@code groovy.lang.Grab}) could make it anything.
 */
public final class AnnotationGate extends CompilationCustomizer {
    private static final Set<String> ALLOWED = Set.of("groovy.transform.Field", "java.lang.Override",
            "java.lang.Deprecated", "java.lang.SuppressWarnings");
    /** What the compiler itself puts on script classes; recognised by having no source position. */
    private static final Set<String> COMPILER_ADDED = Set.of("groovy.transform.BaseScript",
            "groovy.transform.Generated");
    private static final Set<String> JAVA_LANG_MARKERS = Set.of("Override", "Deprecated", "SuppressWarnings");

    private final Set<ModuleNode> checkedModules = Collections.newSetFromMap(new IdentityHashMap<>());

    public AnnotationGate() {
        super(CompilePhase.CONVERSION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        ModuleNode module = source.getAST();
        Visitor visitor = new Visitor(source, module);
        synchronized (checkedModules) {
            if (checkedModules.add(module)) {
                for (ImportNode i : module.getImports()) {
                    visitor.check(i);
                }
                module.getStarImports().forEach(visitor::check);
                module.getStaticImports().values().forEach(visitor::check);
                module.getStaticStarImports().values().forEach(visitor::check);
            }
        }
        visitor.visitClass(classNode);
    }

    private static final class Visitor extends ClassCodeVisitorSupport {
        private final SourceUnit source;
        private final ModuleNode module;

        Visitor(SourceUnit source, ModuleNode module) {
            this.source = source;
            this.module = module;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        @Override
        public void visitAnnotations(AnnotatedNode node) {
            check(node);
        }

        @Override
        public void visitClosureExpression(ClosureExpression expression) {
            if (expression.getParameters() != null) {
                for (Parameter p : expression.getParameters()) {
                    check(p);
                }
            }
            super.visitClosureExpression(expression);
        }

        void check(AnnotatedNode node) {
            for (AnnotationNode a : node.getAnnotations()) {
                String written = a.getClassNode().getName();
                String resolved = resolve(written);
                if (a.getLineNumber() < 1 && COMPILER_ADDED.contains(written)) {
                    continue;
                }
                if (resolved == null || !ALLOWED.contains(resolved)) {
                    int line = a.getLineNumber() > 0 ? a.getLineNumber() : node.getLineNumber();
                    int column = a.getLineNumber() > 0 ? a.getColumnNumber() : node.getColumnNumber();
                    source.getErrorCollector().addErrorAndContinue(new SyntaxErrorMessage(new SyntaxException(
                            "annotation @" + written + " is not allowed in a SmartApp (allowed: @Field, @Override)",
                            line, column), source));
                }
            }
        }

        /** The class an annotation name means, or null when it can't be told at this phase. */
        private String resolve(String written) {
            ClassNode imported = module.getImportType(written);
            if (imported != null) {
                return imported.getName();
            }
            for (Map.Entry<String, ImportNode> e : module.getImports().stream()
                    .collect(java.util.stream.Collectors.toMap(ImportNode::getAlias, i -> i, (x, y) -> y)).entrySet()) {
                if (e.getKey().equals(written)) {
                    return e.getValue().getClassName();
                }
            }
            if (written.contains(".")) {
                return written;
            }
            if (JAVA_LANG_MARKERS.contains(written) && module.getStarImports().isEmpty()) {
                return "java.lang." + written;
            }
            return null;
        }
    }
}
