package hearth.engine.sandbox;

import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.DynamicVariable;
import org.codehaus.groovy.ast.FieldNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.Variable;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ArrayExpression;
import org.codehaus.groovy.ast.expr.AttributeExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.ConstructorCallExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.FieldExpression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.MethodPointerExpression;
import org.codehaus.groovy.ast.expr.PostfixExpression;
import org.codehaus.groovy.ast.expr.PrefixExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.RangeExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.CaseStatement;
import org.codehaus.groovy.ast.stmt.CatchStatement;
import org.codehaus.groovy.ast.stmt.DoWhileStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.ForStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.ast.stmt.SynchronizedStatement;
import org.codehaus.groovy.ast.stmt.WhileStatement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;
import org.codehaus.groovy.syntax.Types;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a SmartApp's AST (after names are resolved, before byte code) so that it can only
 * reach the world through the {@link Gate}, and refuses at registration, with a line number,
 * what no rewrite can make safe: class declarations, forbidden classes (as types, imports,
 * {@code new}, static owners), {@code super}, method pointers, direct field access ({@code .@}),
 * {@code synchronized}, and calls of names that are never allowed ({@code execute},
 * {@code evaluate}, {@code getClass}, ...). It also puts an interrupt check at the start of every
 * method, closure and loop body. Default parameter values and static methods, which real apps use
 * ({@code def notify(msg, delay = 0)}, {@code static String version()}), are rewritten like any
 * other code: Groovy later copies a default value's (already checked) expression into the
 * overloads it generates, and a static method's body goes through the same checks.
 */
public final class SandboxTransformer extends CompilationCustomizer {
    private static final ClassNode GATE = ClassHelper.make(Gate.class);
    private static final ClassNode LIMITS = ClassHelper.make(Limits.class);
    private static final ClassNode CONSTANTS = ClassHelper.make(Constants.class);
    private static final ClassNode REGEX = ClassHelper.make(SafeRegex.class);

    /**
     * Methods an app may not declare: Groovy's hooks into its own dispatch and the JVM's into the
     * object (the finalizer runs outside any call); the app's own {@code notify} or {@code wait(ms)}
     * are fine and win over Object's, as in Groovy.
     */
    private static final Set<String> RESERVED_METHODS = Set.of("invokeMethod", "getProperty", "setProperty",
            "getMetaClass", "setMetaClass", "methodMissing", "propertyMissing", "finalize", "getBinding",
            "setBinding", "main", "clone");

    /** Operators Groovy turns into method calls, and the method: they go through the gate like calls. */
    private static final Map<Integer, String> OPERATORS = Map.ofEntries(
            Map.entry(Types.PLUS, "plus"), Map.entry(Types.MINUS, "minus"), Map.entry(Types.MULTIPLY, "multiply"),
            Map.entry(Types.DIVIDE, "div"), Map.entry(Types.INTDIV, "intdiv"), Map.entry(Types.POWER, "power"),
            Map.entry(Types.LEFT_SHIFT, "leftShift"), Map.entry(Types.RIGHT_SHIFT, "rightShift"),
            Map.entry(Types.RIGHT_SHIFT_UNSIGNED, "rightShiftUnsigned"), Map.entry(Types.BITWISE_OR, "or"),
            Map.entry(Types.BITWISE_AND, "and"), Map.entry(Types.BITWISE_XOR, "xor"));
    /** Annotation types an import may name (the annotations themselves are checked by AnnotationGate). */
    private static final Set<String> IMPORTABLE_ANNOTATIONS = Set.of("groovy.transform.Field");

    private static final Map<Integer, String> COMPOUND = Map.ofEntries(
            Map.entry(Types.PLUS_EQUAL, "plus"), Map.entry(Types.MINUS_EQUAL, "minus"),
            Map.entry(Types.MULTIPLY_EQUAL, "multiply"), Map.entry(Types.DIVIDE_EQUAL, "div"),
            Map.entry(Types.INTDIV_EQUAL, "intdiv"), Map.entry(Types.REMAINDER_EQUAL, "remainder"),
            Map.entry(Types.POWER_EQUAL, "power"), Map.entry(Types.LEFT_SHIFT_EQUAL, "leftShift"),
            Map.entry(Types.RIGHT_SHIFT_EQUAL, "rightShift"),
            Map.entry(Types.RIGHT_SHIFT_UNSIGNED_EQUAL, "rightShiftUnsigned"),
            Map.entry(Types.BITWISE_OR_EQUAL, "or"), Map.entry(Types.BITWISE_AND_EQUAL, "and"),
            Map.entry(Types.BITWISE_XOR_EQUAL, "xor"), Map.entry(Types.ELVIS_EQUAL, "elvis"));

    /** Module metadata: the packages the app star-imported (a List of names), put there by compile.StarImports. */
    public static final String STAR_PACKAGES = "hearth.starImportedPackages";

    public SandboxTransformer() {
        super(CompilePhase.CANONICALIZATION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (!classNode.isScript()) {
            error(source, classNode, "declaring classes, interfaces, enums or traits ('"
                    + classNode.getNameWithoutPackage() + "') is not allowed in a SmartApp");
            return;
        }
        Set<String> appNames = new java.util.HashSet<>();
        classNode.getMethods().forEach(m -> appNames.add(m.getName()));
        classNode.getFields().forEach(f -> appNames.add(f.getName()));
        for (MethodNode method : classNode.getMethods()) {
            // clone(obj) (HousePanel's deep copy) overrides nothing; only clone() would be Object's
            boolean ownClone = method.getName().equals("clone") && method.getParameters().length > 0;
            if (method.getLineNumber() > 0 && (RESERVED_METHODS.contains(method.getName()) && !ownClone
                    || method.getName().startsWith("$"))) {
                error(source, method, "a SmartApp may not declare a method named '" + method.getName()
                        + "': it would take over how Groovy dispatches the app's calls");
            }
        }
        Rewriter rewriter = new Rewriter(source, classNode, appNames);
        rewriter.checkImports(source.getAST());
        for (FieldNode field : classNode.getFields()) {
            rewriter.checkType(field.getType(), field);
            if (field.isStatic() && !field.isFinal() && field.getLineNumber() > 0) {
                error(source, field, "the field '" + field.getName() + "' may not be static unless it is final:"
                        + " every Installation of the SmartApp, in every account, would share it; keep changing"
                        + " values in state, or drop 'static'");
            }
            if (field.hasInitialExpression()) {
                rewriter.staticContext = field.isStatic();
                Expression value = rewriter.transform(field.getInitialExpression());
                if (field.isStatic()) {
                    value = new StaticMethodCallExpression(CONSTANTS, "freeze", new ArgumentListExpression(value));
                }
                field.setInitialValueExpression(value);
                rewriter.staticContext = false;
            }
        }
        for (MethodNode method : new ArrayList<>(classNode.getMethods())) {
            if (method.isStatic() && method.getName().equals("main") && method.getLineNumber() < 1) {
                continue; // the compiler's own main(String[]), never called
            }
            rewriter.checkType(method.getReturnType(), method);
            for (Parameter p : method.getParameters()) {
                rewriter.checkParameter(p, method, false);
            }
            rewriter.visitMethod(method);
            method.setCode(withTick(method.getCode()));
        }
    }

    private static Statement tick() {
        return new ExpressionStatement(new StaticMethodCallExpression(LIMITS, "tick",
                ArgumentListExpression.EMPTY_ARGUMENTS));
    }

    private static Statement withTick(Statement code) {
        if (code instanceof BlockStatement block) {
            block.getStatements().add(0, tick());
            return block;
        }
        BlockStatement block = new BlockStatement();
        block.addStatement(tick());
        if (code != null) {
            block.addStatement(code);
        }
        return block;
    }

    private static void error(SourceUnit source, ASTNode node, String message) {
        source.getErrorCollector().addErrorAndContinue(new SyntaxErrorMessage(
                new SyntaxException(message, node.getLineNumber(), node.getColumnNumber(),
                        node.getLastLineNumber(), node.getLastColumnNumber()), source));
    }

    private static final class Rewriter extends ClassCodeExpressionTransformer {
        private final SourceUnit source;
        private final ClassNode script;
        /** The script's base class (the DSL), which implicit calls outside closures reach. */
        private final Class<?> scriptBase;
        /** Names the app itself defines: its methods, fields and script variables. */
        private final Set<String> appNames;
        private int closureDepth;
        boolean staticContext;
        /** Packages the app star-imported: a name that is one of their other classes is refused by name. */
        private final List<String> starPackages = new ArrayList<>();

        Rewriter(SourceUnit source, ClassNode script, Set<String> appNames) {
            this.source = source;
            this.script = script;
            this.appNames = appNames;
            ClassNode base = script.getSuperClass();
            this.scriptBase = base != null && base.isResolved() ? base.getTypeClass() : groovy.lang.Script.class;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        /** A {@code case ~/.../:} tests over checked text (Groovy would run the Pattern's isCase itself). */
        @Override
        public void visitCaseStatement(CaseStatement statement) {
            super.visitCaseStatement(statement);
            statement.setExpression(new StaticMethodCallExpression(REGEX, "caseValue",
                    new ArgumentListExpression(statement.getExpression())));
        }

        void checkImports(ModuleNode module) {
            for (ImportNode i : module.getImports()) {
                if (!IMPORTABLE_ANNOTATIONS.contains(i.getType().getName())) {
                    checkType(i.getType(), i);
                }
            }
            for (ImportNode i : module.getStarImports()) {
                // compile.StarImports turns them into explicit imports first; one left here was not vetted
                error(source, i, "star imports ('import " + i.getPackageName() + "*') are not allowed in a SmartApp");
            }
            Object packages = module.getNodeMetaData(STAR_PACKAGES);
            if (packages instanceof List<?> list) {
                list.forEach(p -> starPackages.add(String.valueOf(p)));
            }
            for (ImportNode i : module.getStaticImports().values()) {
                checkType(i.getType(), i);
            }
            for (ImportNode i : module.getStaticStarImports().values()) {
                error(source, i, "static star imports are not allowed in a SmartApp");
            }
        }

        void checkType(ClassNode type, ASTNode where) {
            if (type == null) {
                return;
            }
            ClassNode t = type;
            while (t.isArray()) {
                t = t.getComponentType();
            }
            if (t.isGenericsPlaceHolder() || t.equals(script) || t.redirect() == ClassHelper.OBJECT_TYPE
                    || ClassHelper.isDynamicTyped(t) || t.getName().equals("java.lang.Object")) {
                return;
            }
            if (!Whitelist.isAllowedType(t.getName())) {
                error(source, where, "the class " + t.getName() + " is not available to SmartApps");
            }
        }

        /**
         * A method's default values are rewritten by {@code visitMethod} (the base class visits
         * them); a closure's are not, so {@code rewriteDefault} asks for it here. Either way Groovy
         * later copies the rewritten expression into the code that fills omitted arguments.
         */
        void checkParameter(Parameter p, ASTNode where, boolean rewriteDefault) {
            checkType(p.getOriginType(), p.getLineNumber() > 0 ? p : where);
            if (rewriteDefault && p.hasInitialExpression()) {
                p.setInitialExpression(transform(p.getInitialExpression()));
            }
        }

        // ---- statements ---------------------------------------------------------------------

        @Override
        public void visitForLoop(ForStatement loop) {
            if (loop.getVariable() != null) {
                checkType(loop.getVariable().getOriginType(), loop);
            }
            super.visitForLoop(loop);
            loop.setLoopBlock(withTick(loop.getLoopBlock()));
        }

        @Override
        public void visitWhileLoop(WhileStatement loop) {
            super.visitWhileLoop(loop);
            loop.setLoopBlock(withTick(loop.getLoopBlock()));
        }

        @Override
        public void visitDoWhileLoop(DoWhileStatement loop) {
            super.visitDoWhileLoop(loop);
            loop.setLoopBlock(withTick(loop.getLoopBlock()));
        }

        @Override
        public void visitCatchStatement(CatchStatement statement) {
            checkType(statement.getExceptionType(), statement);
            super.visitCatchStatement(statement);
        }

        @Override
        public void visitSynchronizedStatement(SynchronizedStatement statement) {
            error(source, statement, "synchronized blocks are not allowed in a SmartApp");
        }

        // ---- expressions --------------------------------------------------------------------

        @Override
        public Expression transform(Expression e) {
            if (e == null) {
                return null;
            }
            Expression out = rewrite(e);
            if (out != e) {
                out.setSourcePosition(e);
            }
            return out;
        }

        private Expression rewrite(Expression e) {
            if (e instanceof ClosureExpression closure) {
                return closure(closure);
            }
            if (e instanceof MethodPointerExpression) {
                error(source, e, "method pointers and references ('.&', '::') are not allowed in a SmartApp");
                return e;
            }
            if (e instanceof AttributeExpression) {
                error(source, e, "direct field access ('.@') is not allowed in a SmartApp");
                return e;
            }
            if (e instanceof DeclarationExpression declaration) {
                return declaration(declaration);
            }
            if (e instanceof MethodCallExpression call) {
                return call(call);
            }
            if (e instanceof StaticMethodCallExpression call) {
                checkType(call.getOwnerType(), call);
                if (call.getOwnerType().equals(script) && script.getMethods(call.getMethod()).stream()
                        .noneMatch(MethodNode::isStatic)) {
                    error(source, call, "calling '" + call.getMethod() + "' from a static context is not allowed");
                    return e;
                }
                return checker("callStatic", new ClassExpression(call.getOwnerType()),
                        new ConstantExpression(call.getMethod()), arguments(call.getArguments()));
            }
            if (e instanceof ConstructorCallExpression call) {
                return construct(call);
            }
            if (e instanceof PropertyExpression property) {
                return property(property);
            }
            if (e instanceof VariableExpression variable) {
                return variable(variable);
            }
            if (e instanceof BinaryExpression binary) {
                return binary(binary);
            }
            if (e instanceof PostfixExpression postfix) {
                Expression step = step(postfix.getExpression(), postfix.getOperation().getType(), false);
                return step != null ? step : e.transformExpression(this);
            }
            if (e instanceof PrefixExpression prefix) {
                Expression step = step(prefix.getExpression(), prefix.getOperation().getType(), true);
                return step != null ? step : e.transformExpression(this);
            }
            if (e instanceof CastExpression cast) {
                checkType(cast.getType(), cast);
                if (cast.isCoerce()) {
                    // "x as T" may build proxies and call asType() on the value: check it at run time too
                    return checker("asType", transform(cast.getExpression()), new ClassExpression(cast.getType()));
                }
                return e.transformExpression(this);
            }
            if (e instanceof ClassExpression) {
                checkType(e.getType(), e);
                return e;
            }
            if (e instanceof ArrayExpression array) {
                return array(array);
            }
            if (e instanceof RangeExpression range) {
                return checker("range", transform(range.getFrom()), transform(range.getTo()),
                        bool(range.isExclusiveLeft()), bool(range.isExclusiveRight()));
            }
            return e.transformExpression(this);
        }

        private Expression closure(ClosureExpression closure) {
            if (closure.getParameters() != null) {
                for (Parameter p : closure.getParameters()) {
                    checkParameter(p, closure, true);
                }
            }
            closureDepth++;
            try {
                closure.getCode().visit(this);
            } finally {
                closureDepth--;
            }
            if (closure.getCode() instanceof BlockStatement block) {
                block.getStatements().add(0, tick());
            }
            return closure;
        }

        private Expression declaration(DeclarationExpression d) {
            if (d.isMultipleAssignmentDeclaration()) {
                for (Expression v : d.getTupleExpression().getExpressions()) {
                    if (v instanceof VariableExpression ve) {
                        checkType(ve.getOriginType(), d);
                    }
                }
            } else {
                checkType(d.getVariableExpression().getOriginType(), d);
            }
            d.setRightExpression(transform(d.getRightExpression()));
            return d;
        }

        private Expression call(MethodCallExpression call) {
            Expression object = call.getObjectExpression();
            if (isSuper(object)) {
                error(source, call, "'super' is not allowed in a SmartApp");
                return call;
            }
            String name = call.getMethodAsString();
            if (name != null) {
                // go on, so that what the receiver and arguments break is reported too
                checkCallName(call, object, name);
            }
            Expression receiver;
            if (call.isImplicitThis()) {
                receiver = self(call);
            } else {
                receiver = transform(object);
            }
            Expression method = call.getMethod() instanceof ConstantExpression ? call.getMethod()
                    : transform(call.getMethod());
            return checker("call", receiver, method, bool(call.isSafe()), bool(call.isSpreadSafe()),
                    arguments(call.getArguments()));
        }

        private Expression construct(ConstructorCallExpression call) {
            if (call.isSpecialCall()) {
                error(source, call, "'this(...)' and 'super(...)' calls are not allowed in a SmartApp");
                return call;
            }
            if (call.isUsingAnonymousInnerClass()) {
                error(source, call, "anonymous classes are not allowed in a SmartApp");
                return call;
            }
            String type = call.getType().getName();
            if (!Whitelist.isAllowedType(type)) {
                checkType(call.getType(), call);
                return call;
            }
            if (!Whitelist.isConstructible(type)) {
                error(source, call, "creating " + type + " objects is not allowed in a SmartApp");
                return call;
            }
            return checker("construct", new ClassExpression(call.getType()), arguments(call.getArguments()));
        }

        private Expression property(PropertyExpression p) {
            Expression object = p.getObjectExpression();
            if (isSuper(object)) {
                error(source, p, "'super' is not allowed in a SmartApp");
                return p;
            }
            String name = p.getPropertyAsString();
            if (name != null && Whitelist.RESERVED_PROPERTIES.contains(name)) {
                error(source, p, "reading '" + name + "' is not allowed in a SmartApp");
            }
            Expression receiver = object instanceof ClassExpression ? checkClass(object) : transform(object);
            Expression property = p.getProperty() instanceof ConstantExpression ? p.getProperty()
                    : transform(p.getProperty());
            return checker("getProperty", receiver, property, bool(p.isSafe()), bool(p.isSpreadSafe()));
        }

        private Expression variable(VariableExpression v) {
            if (v.isSuperExpression()) {
                error(source, v, "'super' is not allowed in a SmartApp");
                return v;
            }
            if (v.isThisExpression() || !isDynamic(v)) {
                return v;
            }
            if (forbiddenOnScript(v.getName())) {
                error(source, v, "reading '" + v.getName() + "' is not allowed in a SmartApp");
                return v;
            }
            String hidden = starImportedClass(v.getName());
            if (hidden != null) {
                error(source, v, "the class " + hidden + " is not available to SmartApps");
                return v;
            }
            return checker("getProperty", self(v), new ConstantExpression(v.getName()), bool(false), bool(false));
        }

        /** The class a star import would have made of this name in plain Groovy, when the app doesn't define it. */
        private String starImportedClass(String name) {
            if (starPackages.isEmpty() || name.isEmpty() || !Character.isUpperCase(name.charAt(0))
                    || appNames.contains(name)) {
                return null;
            }
            for (String pkg : starPackages) {
                try {
                    Class.forName(pkg + "." + name, false, SandboxTransformer.class.getClassLoader());
                    return pkg + "." + name;
                } catch (ClassNotFoundException | LinkageError e) {
                    // not a class of that package
                }
            }
            return null;
        }

        private Expression binary(BinaryExpression b) {
            int op = b.getOperation().getType();
            if (op == Types.LEFT_SQUARE_BRACKET) {
                return checker("getAt", transform(b.getLeftExpression()), transform(b.getRightExpression()));
            }
            if (op == Types.FIND_REGEX) {
                return checker("findRegex", transform(b.getLeftExpression()), transform(b.getRightExpression()));
            }
            if (op == Types.KEYWORD_IN || op == Types.COMPARE_NOT_IN) {
                // x in pattern runs the pattern's isCase: over checked text, as a case does
                b.setLeftExpression(transform(b.getLeftExpression()));
                b.setRightExpression(new StaticMethodCallExpression(REGEX, "caseValue",
                        new ArgumentListExpression(transform(b.getRightExpression()))));
                return b;
            }
            if (op == Types.MATCH_REGEX) {
                return checker("matchRegex", transform(b.getLeftExpression()), transform(b.getRightExpression()));
            }
            if (OPERATORS.containsKey(op)) {
                return checker("operator", transform(b.getLeftExpression()), new ConstantExpression(OPERATORS.get(op)),
                        transform(b.getRightExpression()));
            }
            if (!Types.ofType(op, Types.ASSIGNMENT_OPERATOR)) {
                b.setLeftExpression(transform(b.getLeftExpression()));
                b.setRightExpression(transform(b.getRightExpression()));
                return b;
            }
            String compound = op == Types.ASSIGN ? null : COMPOUND.get(op);
            if (op != Types.ASSIGN && compound == null) {
                error(source, b, "the operator '" + b.getOperation().getText() + "' is not supported in a SmartApp");
                return b;
            }
            Expression left = b.getLeftExpression();
            Expression value = transform(b.getRightExpression());
            if (left instanceof VariableExpression v && isDynamic(v) && !v.isThisExpression()) {
                if (forbiddenOnScript(v.getName())) {
                    error(source, v, "assigning '" + v.getName() + "' is not allowed in a SmartApp");
                    return b;
                }
                Expression self = self(v);
                ConstantExpression name = new ConstantExpression(v.getName());
                return compound == null ? checker("setProperty", self, name, value, bool(false), bool(false))
                        : checker("compoundProperty", self, name, new ConstantExpression(compound), value);
            }
            if (left instanceof AttributeExpression) {
                error(source, left, "direct field access ('.@') is not allowed in a SmartApp");
                return b;
            }
            if (left instanceof PropertyExpression p) {
                if (isSuper(p.getObjectExpression())) {
                    error(source, p, "'super' is not allowed in a SmartApp");
                    return b;
                }
                String pname = p.getPropertyAsString();
                if (pname != null && Whitelist.RESERVED_PROPERTIES.contains(pname)) {
                    error(source, p, "assigning '" + pname + "' is not allowed in a SmartApp");
                    return b;
                }
                Expression object = p.getObjectExpression() instanceof ClassExpression
                        ? checkClass(p.getObjectExpression()) : transform(p.getObjectExpression());
                Expression property = p.getProperty() instanceof ConstantExpression ? p.getProperty()
                        : transform(p.getProperty());
                return compound == null
                        ? checker("setProperty", object, property, value, bool(p.isSafe()), bool(p.isSpreadSafe()))
                        : checker("compoundProperty", object, property, new ConstantExpression(compound), value);
            }
            if (left instanceof BinaryExpression sub && sub.getOperation().getType() == Types.LEFT_SQUARE_BRACKET) {
                Expression object = transform(sub.getLeftExpression());
                Expression index = transform(sub.getRightExpression());
                return compound == null ? checker("putAt", object, index, value)
                        : checker("compoundAt", object, index, new ConstantExpression(compound), value);
            }
            if (left instanceof TupleExpression tuple) {
                for (Expression element : tuple.getExpressions()) {
                    if (!(element instanceof VariableExpression ve) || isDynamic(ve)) {
                        error(source, element, "multiple assignment is only allowed to local variables in a SmartApp");
                    }
                }
                b.setRightExpression(value);
                return b;
            }
            if (left instanceof VariableExpression || left instanceof FieldExpression) {
                if (compound != null && !compound.equals("elvis")) {
                    // x op= y on a local variable or field: x = x.op(y), the operator through the gate
                    BinaryExpression assign = new BinaryExpression(left,
                            org.codehaus.groovy.syntax.Token.newSymbol(Types.ASSIGN, b.getOperation().getStartLine(),
                                    b.getOperation().getStartColumn()),
                            checker("operator", left, new ConstantExpression(compound), value));
                    assign.setSourcePosition(b);
                    return assign;
                }
                b.setRightExpression(value);
                return b;
            }
            error(source, b, "this assignment is not supported in a SmartApp");
            return b;
        }

        private Expression step(Expression target, int op, boolean prefix) {
            if (op != Types.PLUS_PLUS && op != Types.MINUS_MINUS) {
                return null;
            }
            ConstantExpression delta = new ConstantExpression(op == Types.PLUS_PLUS ? 1 : -1, true);
            if (target instanceof VariableExpression v && isDynamic(v) && !v.isThisExpression()) {
                return checker("stepProperty", self(v), new ConstantExpression(v.getName()), delta, bool(prefix));
            }
            if (target instanceof PropertyExpression p && !(target instanceof AttributeExpression)) {
                Expression object = transform(p.getObjectExpression());
                Expression property = p.getProperty() instanceof ConstantExpression ? p.getProperty()
                        : transform(p.getProperty());
                return checker("stepProperty", object, property, delta, bool(prefix));
            }
            if (target instanceof BinaryExpression sub && sub.getOperation().getType() == Types.LEFT_SQUARE_BRACKET) {
                return checker("stepAt", transform(sub.getLeftExpression()), transform(sub.getRightExpression()),
                        delta, bool(prefix));
            }
            return null;
        }

        private Expression array(ArrayExpression array) {
            checkType(array.getElementType(), array);
            List<Expression> sizes = array.getSizeExpression();
            if (sizes != null) {
                List<Expression> bounded = new ArrayList<>();
                for (Expression s : sizes) {
                    bounded.add(checker("arraySize", transform(s)));
                }
                ArrayExpression out = new ArrayExpression(array.getElementType(), null, bounded);
                out.setSourcePosition(array);
                return out;
            }
            return array.transformExpression(this);
        }

        private Expression checkClass(Expression classExpression) {
            checkType(classExpression.getType(), classExpression);
            return classExpression;
        }

        /** Who an implicit call or dynamic name refers to: the script, or inside a closure the closure itself. */
        private Expression self(ASTNode where) {
            if (staticContext) {
                error(source, where, "dynamic names are not allowed in static field initialisers");
            }
            if (closureDepth == 0) {
                return new VariableExpression("this");
            }
            // Groovy has no expression for "this closure": asWritable() answers a wrapper whose owner it is.
            MethodCallExpression writable = new MethodCallExpression(new VariableExpression("this"), "asWritable",
                    ArgumentListExpression.EMPTY_ARGUMENTS);
            writable.setImplicitThis(true);
            MethodCallExpression owner = new MethodCallExpression(writable, "getOwner",
                    ArgumentListExpression.EMPTY_ARGUMENTS);
            owner.setImplicitThis(false);
            return owner;
        }

        private ListExpression arguments(Expression args) {
            List<Expression> out = new ArrayList<>();
            if (args instanceof TupleExpression tuple) {
                for (Expression a : tuple.getExpressions()) {
                    out.add(transform(a));
                }
            } else if (args != null) {
                out.add(transform(args));
            }
            return new ListExpression(out);
        }

        /**
         * Refuses at registration what the gate would refuse at run time whatever happens, asking the
         * same {@link Whitelist}: a call whose receiver's class is known here (the script itself, a
         * literal, a class) of a name whose members there all exist and are forbidden. Names that
         * resolve to nothing are left to run time (Groovy's MissingMethodException, as plain Groovy).
         */
        private void checkCallName(MethodCallExpression call, Expression object, String name) {
            if (call.isImplicitThis() && closureDepth == 0 || object instanceof VariableExpression v
                    && v.isThisExpression() && closureDepth == 0) {
                if (!appNames.contains(name)
                        && Whitelist.methodVerdict(scriptBase, name, false) == Whitelist.Verdict.FORBIDDEN) {
                    error(source, call, "calling '" + name + "' is not allowed in a SmartApp");
                }
                return;
            }
            Class<?> literal = literalClass(object);
            if (literal != null && Whitelist.methodVerdict(literal, name, false) == Whitelist.Verdict.FORBIDDEN) {
                error(source, call, "calling '" + name + "' on " + literal.getName() + " is not allowed in a SmartApp");
                return;
            }
            if (object instanceof ClassExpression owner && owner.getType().isResolved()
                    && !owner.getType().equals(script) && Whitelist.isAllowedType(owner.getType().getName())) {
                Class<?> c = owner.getType().getTypeClass();
                if (Whitelist.methodVerdict(c, name, true) == Whitelist.Verdict.FORBIDDEN
                        && Whitelist.methodVerdict(Class.class, name, false) != Whitelist.Verdict.ALLOWED) {
                    error(source, call, "calling '" + c.getName() + "." + name + "' is not allowed in a SmartApp");
                }
            }
        }

        /** A name the script answers with a member that exists and is forbidden ({@code binding}). */
        private boolean forbiddenOnScript(String name) {
            if (Whitelist.RESERVED_PROPERTIES.contains(name)) {
                return true;
            }
            if (appNames.contains(name)) {
                return false;
            }
            groovy.lang.MetaProperty p = Members.property(scriptBase, name);
            return p instanceof groovy.lang.MetaBeanProperty bean && bean.getGetter() != null
                    && !Whitelist.allowsMethod(scriptBase, bean.getGetter());
        }

        private static Class<?> literalClass(Expression e) {
            if (e instanceof ConstantExpression c && c.getValue() instanceof String) {
                return String.class;
            }
            if (e instanceof org.codehaus.groovy.ast.expr.GStringExpression) {
                return org.codehaus.groovy.runtime.GStringImpl.class;
            }
            if (e instanceof ListExpression) {
                return java.util.ArrayList.class;
            }
            if (e instanceof org.codehaus.groovy.ast.expr.MapExpression) {
                return java.util.LinkedHashMap.class;
            }
            return null;
        }

        private static boolean isDynamic(VariableExpression v) {
            Variable accessed = v.getAccessedVariable();
            return accessed instanceof DynamicVariable;
        }

        private static boolean isSuper(Expression e) {
            return e instanceof VariableExpression v && v.isSuperExpression();
        }

        private static ConstantExpression bool(boolean b) {
            return new ConstantExpression(b, true);
        }

        private static Expression checker(String method, Expression... args) {
            ClassNode owner = switch (method) {
                case "range", "arraySize" -> LIMITS;
                case "findRegex", "matchRegex" -> REGEX;
                default -> GATE;
            };
            return new StaticMethodCallExpression(owner, method, new ArgumentListExpression(args));
        }
    }
}
