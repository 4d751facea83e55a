package hearth.engine;

import hearth.engine.api.SmartApp;
import hearth.engine.api.SmartAppCompilationException;

/**
 * Compiles classic SmartApp Groovy sources. One engine per process; it keeps compiled classes
 * for each source version so a handler call never recompiles.
 */
public final class SmartAppEngine {

    public SmartAppEngine(EngineSettings settings) {
        throw new UnsupportedOperationException("not built yet");
    }

    public SmartApp compile(String source) throws SmartAppCompilationException {
        throw new UnsupportedOperationException("not built yet");
    }
}
