package hearth.engine.sandbox;

import groovy.lang.GroovyClassLoader;
import org.codehaus.groovy.control.CompilerConfiguration;

/**
 * The class loader of one SmartApp source version: its script class and closures, nothing else.
 * The sandbox recognises app code by it (the app's own methods and fields are the app's to use),
 * and no app sees another's classes.
 */
public final class AppClassLoader extends GroovyClassLoader {
    public AppClassLoader(ClassLoader parent, CompilerConfiguration config) {
        super(parent, config, false);
    }
}
