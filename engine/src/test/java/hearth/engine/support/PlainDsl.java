package hearth.engine.support;

import groovy.lang.Closure;
import groovy.lang.Script;

import java.util.Map;

/**
 * A do-nothing SmartApp DSL for running app source with plain, unsandboxed Groovy: the hostile
 * corpus test uses it to prove each payload really escapes when nothing stops it.
 */
public abstract class PlainDsl extends Script {
    public void definition(Map<String, Object> args) {
    }

    public void definition(Map<String, Object> args, Closure<?> body) {
    }

    public void preferences(Closure<?> body) {
    }

    public void mappings(Closure<?> body) {
    }
}
