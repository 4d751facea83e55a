package grails.converters;

import hearth.engine.dsl.Json;
import hearth.engine.sandbox.SmartAppApi;

/**
 * Grails' JSON converter as classic SmartApps used it: {@code render contentType: "application/json",
 * data: (map as JSON).toString()}, {@code new JSON(list)}. Written by the engine's one JSON writer,
 * so devices and dates have their classic shapes; a response whose {@code data} is one is that JSON.
 */
@SmartAppApi
public final class JSON {
    private final Object target;

    @SmartAppApi
    public JSON(Object target) {
        this.target = target;
    }

    @SmartAppApi
    @Override
    public String toString() {
        return Json.write(target);
    }

    /** {@code toString(true)}: indented, as Grails' prettyPrint. */
    @SmartAppApi
    public String toString(boolean pretty) {
        return pretty ? groovy.json.JsonOutput.prettyPrint(toString()) : toString();
    }

    /** What the converter wraps, for the engine's JSON writer. */
    public Object target() {
        return target;
    }
}
