package hearth.engine.sandbox;

import groovy.json.JsonBuilder;
import groovy.json.JsonOutput;
import groovy.json.JsonSlurper;
import groovy.lang.Closure;
import groovy.lang.GString;
import groovy.lang.IntRange;
import groovy.lang.ObjectRange;
import groovy.lang.Range;
import groovy.xml.slurpersupport.GPathResult;
import hearth.engine.dsl.AppLog;
import hearth.engine.dsl.AppView;
import hearth.engine.dsl.AttributeView;
import hearth.engine.dsl.CapabilityView;
import hearth.engine.dsl.CommandView;
import hearth.engine.dsl.DeviceList;
import hearth.engine.dsl.DeviceView;
import hearth.engine.dsl.LocationView;
import hearth.engine.dsl.ModeView;
import hearth.engine.dsl.RequestView;
import hearth.engine.dsl.StateView;
import hearth.engine.runtime.RenderedResponse;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.text.DateFormat;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Calendar;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What app code may touch: the classes it may name (as types, for {@code new}, for static calls),
 * and which members it may use on the objects it holds. Everything not listed is refused. The
 * receivers an app can ever hold are harmless values (strings, numbers, collections, dates, JSON)
 * and the engine's own DSL objects, so the rules are about those plus a short list of names that
 * are dangerous on any receiver ({@code execute}, {@code getClass}, {@code metaClass}, ...).
 */
final class Whitelist {
    private Whitelist() {
    }

    /** A set that tolerates repeats, so the long lists below can be edited without care. */
    private static Set<String> names(String... names) {
        return Set.copyOf(java.util.Arrays.asList(names));
    }

    /** Never allowed, on any receiver, as a method or property name. */
    static final Set<String> DENIED_NAMES = names(
            "getClass", "class", "metaClass", "getMetaClass", "setMetaClass", "invokeMethod", "getProperty",
            "setProperty", "getProperties", "properties", "execute", "executeAsync", "evaluate", "parseClass",
            "forName", "newInstance", "classLoader", "getClassLoader", "loadClass", "wait", "notify", "notifyAll",
            "dump", "use", "mixin", "sleep", "respondsTo", "hasProperty", "getMetaPropertyValues", "withTraits",
            "addShutdownHook", "printStackTrace", "asWritable", "rehydrate", "dehydrate", "setDelegate",
            "setResolveStrategy", "setDirective", "methodMissing", "propertyMissing", "$getStaticMetaClass",
            "getMetaMethod", "getDeclaredMethods", "getDeclaredMethod", "getDeclaredFields", "getDeclaredField",
            "setAccessible", "toURL", "toURI", "asType", "runAfter", "startDaemon", "start", "run");

    /** Groovy extension methods (DefaultGroovyMethods and friends) that are plain data operations. */
    static final Set<String> COMMON_EXTENSIONS = names(
            "each", "eachWithIndex", "reverseEach", "collect", "collectEntries", "collectMany", "collectNested",
            "find", "findAll", "findResult", "findResults", "findIndexOf", "findIndexValues", "findLastIndexOf",
            "any", "every", "inject", "sum", "max", "min", "count", "countBy", "groupBy", "sort", "toSorted",
            "unique", "toUnique", "reverse", "join", "first", "last", "head", "tail", "init", "take", "drop",
            "takeWhile", "dropWhile", "takeRight", "dropRight", "toList", "toSet", "toArray", "size", "isEmpty",
            "contains", "containsAll", "getAt", "putAt", "grep", "split", "withDefault", "asImmutable",
            "asUnmodifiable", "plus", "minus", "multiply", "div", "intdiv", "mod", "remainder", "power",
            "negative", "positive", "intersect", "disjoint", "flatten", "combinations", "permutations",
            "subsequences", "transpose", "indexed", "withIndex", "collate", "chop", "average", "step", "upto",
            "downto", "times", "abs", "round", "trunc", "toInteger", "toLong", "toDouble", "toFloat",
            "toBigDecimal", "toBigInteger", "toShort", "toBoolean", "toCharacter", "toString", "equals",
            "hashCode", "compareTo", "asBoolean", "is", "isCase", "with", "tap", "identity", "inspect",
            "format", "leftShift", "rightShift", "next", "previous", "capitalize", "uncapitalize", "center",
            "padLeft", "padRight", "tokenize", "readLines", "eachLine", "splitEachLine", "stripIndent",
            "stripMargin", "isNumber", "isInteger", "isLong", "isDouble", "isFloat", "isBigDecimal",
            "isBigInteger", "isAllWhitespace", "decodeBase64", "decodeHex", "encodeBase64", "encodeHex",
            "md5", "sha256", "eachMatch", "replaceAll", "replaceFirst", "findIndexOf", "removeAll",
            "retainAll", "removeAt", "removeElement", "push", "pop", "addAll", "getOrDefault", "subMap",
            "minus", "or", "and", "xor", "bitwiseNegate", "sprintf", "expand", "unexpand", "normalize",
            "denormalize", "collectReplacements", "toUpperCase", "toLowerCase", "swap", "shuffle",
            "shuffled", "getCount", "clone", "toSpreadMap", "minBy", "maxBy", "zip", "sumBy", "countAll",
            "asList", "iterator", "toMapString", "toListString", "toArrayString", "findResult", "chars",
            "keySet", "values", "entrySet", "get", "put", "putAll", "remove", "add", "clear", "containsKey",
            "containsValue", "length", "getDateString", "getTimeString", "clearTime", "updated", "copyWith",
            "toInstant", "toDate", "toCalendar", "toZonedDateTime", "toLocalDate", "toLocalDateTime",
            "toLocalTime", "toOffsetDateTime", "getTime", "toSorted", "asReversed");

    /** Value types: every public Java method, every property with a public getter, common extensions. */
    private static final List<Class<?>> VALUE_TYPES = List.of(
            CharSequence.class, Number.class, Boolean.class, Character.class, Date.class, Calendar.class,
            TimeZone.class, java.time.temporal.TemporalAccessor.class, java.time.temporal.TemporalAmount.class,
            java.time.ZoneId.class, java.time.format.DateTimeFormatter.class, java.time.temporal.TemporalUnit.class,
            UUID.class, Pattern.class, Matcher.class, Collection.class, Map.class, Map.Entry.class, Iterator.class,
            Range.class, Object[].class, Random.class, java.text.Format.class, Locale.class,
            Base64.Encoder.class, Base64.Decoder.class, Throwable.class, Enum.class,
            java.security.MessageDigest.class, groovy.lang.Writable.class, java.math.MathContext.class,
            int[].class, long[].class, double[].class, float[].class, byte[].class, char[].class,
            boolean[].class, short[].class);

    /** Engine objects: the members listed here, nothing else ("*" = any name, e.g. device commands). */
    private static final Map<Class<?>, Set<String>> DSL_MEMBERS = Map.ofEntries(
            Map.entry(DeviceView.class, Set.of("*")),
            Map.entry(DeviceList.class, Set.of("*")),
            Map.entry(StateView.class, Set.of("id", "deviceId", "name", "value", "stringValue", "unit", "date",
                    "isoDate", "numberValue", "numericValue", "integerValue", "longValue", "floatValue",
                    "doubleValue", "toString", "equals", "hashCode")),
            Map.entry(CapabilityView.class, Set.of("name", "id", "commands", "attributes", "toString")),
            Map.entry(CommandView.class, Set.of("name", "arguments", "toString")),
            Map.entry(AttributeView.class, Set.of("name", "dataType", "values", "toString")),
            Map.entry(LocationView.class, Set.of("id", "name", "mode", "currentMode", "modes", "timeZone",
                    "temperatureScale", "setMode", "helloHome", "latitude", "longitude", "zipCode", "hubs",
                    "toString")),
            Map.entry(hearth.engine.dsl.HubView.class, Set.of("id", "name", "type", "localIP", "localSrvPortTCP",
                    "firmwareVersionString", "zigbeeId", "status", "toString")),
            Map.entry(physicalgraph.device.HubAction.class, Set.of("toString")),
            Map.entry(ModeView.class, Set.of("id", "name", "toString", "equals", "hashCode")),
            Map.entry(AppView.class, Set.of("id", "label", "name", "subscriptions", "toString")),
            Map.entry(hearth.engine.dsl.SubscriptionView.class, Set.of("device", "deviceId", "name", "handler",
                    "toString")),
            Map.entry(RequestView.class, Set.of("JSON", "XML", "headers", "method", "body", "path",
                    "requestSource")),
            Map.entry(hearth.engine.dsl.EventView.class, Set.of("name", "value", "stringValue", "unit", "deviceId",
                    "device", "displayName", "descriptionText", "date", "isoDate", "physical", "isPhysical",
                    "digital", "isDigital", "stateChange", "isStateChange", "numberValue", "numericValue",
                    "integerValue", "doubleValue", "floatValue", "longValue", "toString")),
            Map.entry(AppLog.class, Set.of("trace", "debug", "info", "warn", "error")),
            Map.entry(RenderedResponse.class, Set.of("status", "contentType", "data", "headers")),
            Map.entry(JsonSlurper.class, Set.of("parseText", "setType", "getType", "type")),
            // classic apps write new groovy.json.JsonOutput().toJson(...)
            Map.entry(JsonOutput.class, Set.of("toJson", "prettyPrint")),
            Map.entry(JsonBuilder.class, Set.of("*")),
            Map.entry(GPathResult.class, Set.of("*")),
            Map.entry(hearth.engine.dsl.HttpResponseView.class, Set.of("status", "reasonPhrase", "data",
                    "contentType", "success", "isSuccess", "headers", "getHeaders", "allHeaders", "firstHeader",
                    "getFirstHeader", "lastHeader", "getLastHeader", "toString")),
            Map.entry(hearth.engine.dsl.HeaderView.class, Set.of("name", "value", "toString")),
            Map.entry(hearth.engine.dsl.AsyncResponseView.class, Set.of("status", "data", "json", "xml", "headers",
                    "hasError", "errorMessage", "errorData", "errorJson", "toString")),
            Map.entry(hearth.engine.dsl.AsyncHttp.class, Set.of("get", "post", "put", "delete", "head", "patch",
                    "toString")));

    /** Names even a "*" receiver doesn't get: the engine's own plumbing. */
    private static final Set<String> DSL_PLUMBING = Set.of("handle", "toJsonMap", "instant", "rawValue",
            "writeTo", "setContent");

    /** Classes app code may name, with the static members it may use ("*" = every public static member). */
    private static final Map<Class<?>, Set<String>> STATICS = new LinkedHashMap<>();
    /** Classes app code may {@code new}. */
    private static final Set<Class<?>> CONSTRUCTIBLE = Set.of(
            Object.class, String.class, StringBuilder.class, ArrayList.class, LinkedList.class, HashMap.class,
            LinkedHashMap.class, TreeMap.class, HashSet.class, LinkedHashSet.class, TreeSet.class, Date.class,
            GregorianCalendar.class, SimpleDateFormat.class, DecimalFormat.class, BigDecimal.class,
            BigInteger.class, Random.class, JsonSlurper.class, JsonBuilder.class, JsonOutput.class, Exception.class,
            java.math.MathContext.class,
            RuntimeException.class, IllegalArgumentException.class, IllegalStateException.class,
            UnsupportedOperationException.class, IntRange.class, ObjectRange.class, Integer.class, Long.class,
            Double.class, Float.class, Boolean.class, physicalgraph.device.HubAction.class);
    private static final Set<String> STATIC_DENY = Set.of("getInteger", "getLong", "getBoolean", "setDefault",
            "getDefault", "registerProvider");

    static {
        for (Class<?> c : List.of(Math.class, StrictMath.class, Integer.class, Long.class, Double.class,
                Float.class, Short.class, Byte.class, Boolean.class, Character.class, BigDecimal.class,
                BigInteger.class, Objects.class, Pattern.class, java.time.Instant.class, java.time.Duration.class,
                java.time.Period.class, java.time.LocalDate.class, java.time.LocalTime.class,
                java.time.LocalDateTime.class, java.time.ZonedDateTime.class, java.time.OffsetDateTime.class,
                java.time.OffsetTime.class, java.time.ZoneId.class, java.time.ZoneOffset.class,
                java.time.DayOfWeek.class, java.time.Month.class, java.time.Year.class, java.time.YearMonth.class,
                java.time.format.DateTimeFormatter.class, java.time.temporal.ChronoUnit.class,
                java.time.temporal.ChronoField.class, Calendar.class, java.math.RoundingMode.class,
                java.math.MathContext.class)) {
            STATICS.put(c, Set.of("*"));
        }
        STATICS.put(String.class, Set.of("valueOf", "format", "join", "copyValueOf", "CASE_INSENSITIVE_ORDER"));
        STATICS.put(UUID.class, Set.of("randomUUID", "fromString", "nameUUIDFromBytes"));
        STATICS.put(TimeZone.class, Set.of("getTimeZone", "getAvailableIDs"));
        STATICS.put(Locale.class, Set.of("forLanguageTag", "of", "US", "UK", "ENGLISH", "GERMAN", "FRENCH",
                "GERMANY", "FRANCE", "ROOT", "CANADA"));
        STATICS.put(Collections.class, Set.of("emptyList", "emptyMap", "emptySet", "sort", "reverse", "shuffle",
                "max", "min", "unmodifiableList", "unmodifiableMap", "unmodifiableSet", "singletonList",
                "singleton", "singletonMap", "frequency", "nCopies", "addAll", "reverseOrder"));
        STATICS.put(Arrays.class, Set.of("asList", "sort", "toString", "copyOf", "copyOfRange", "fill", "equals",
                "hashCode"));
        STATICS.put(JsonOutput.class, Set.of("toJson", "prettyPrint"));
        STATICS.put(URLEncoder.class, Set.of("encode"));
        STATICS.put(URLDecoder.class, Set.of("decode"));
        STATICS.put(Base64.class, Set.of("getEncoder", "getDecoder", "getUrlEncoder", "getUrlDecoder",
                "getMimeEncoder", "getMimeDecoder"));
        STATICS.put(Closure.class, Set.of("OWNER_FIRST", "DELEGATE_FIRST", "OWNER_ONLY", "DELEGATE_ONLY",
                "TO_SELF"));
        // Groovy's Date.parse(format, text[, zone]) (groovy-dateutil)
        STATICS.put(Date.class, Set.of("from", "parse", "parseToStringDate"));
        STATICS.put(List.class, Set.of("of", "copyOf"));
        STATICS.put(Set.class, Set.of("of", "copyOf"));
        STATICS.put(Map.class, Set.of("of", "copyOf", "entry"));
        // what classic apps name from HTTPBuilder (Hearth's own classes under those names)
        STATICS.put(groovyx.net.http.ContentType.class, Set.of("*"));
        STATICS.put(java.security.MessageDigest.class, Set.of("getInstance", "isEqual"));
        STATICS.put(DateFormat.class, Set.of("SHORT", "MEDIUM", "LONG", "FULL", "getDateInstance",
                "getTimeInstance", "getDateTimeInstance"));
        STATICS.put(NumberFormat.class, Set.of("getInstance", "getNumberInstance", "getPercentInstance",
                "getIntegerInstance", "getCurrencyInstance"));
        // Nameable as types (declarations, casts, instanceof, catch) but with no static members.
        for (Class<?> c : List.of(Object.class, CharSequence.class, GString.class, Number.class, List.class,
                Map.class, Set.class, Collection.class, Iterable.class, Iterator.class, Map.Entry.class,
                ArrayList.class, LinkedList.class, HashMap.class, LinkedHashMap.class, TreeMap.class, HashSet.class,
                LinkedHashSet.class, TreeSet.class, Date.class, GregorianCalendar.class, SimpleDateFormat.class,
                DecimalFormat.class, StringBuilder.class, Random.class, Matcher.class, Closure.class,
                JsonSlurper.class, JsonBuilder.class, Range.class, IntRange.class, ObjectRange.class,
                GPathResult.class, Throwable.class, Exception.class, RuntimeException.class, Error.class,
                IllegalArgumentException.class, IllegalStateException.class, NumberFormatException.class,
                NullPointerException.class, UnsupportedOperationException.class, ArithmeticException.class,
                IndexOutOfBoundsException.class, Comparable.class, groovyx.net.http.HttpResponseException.class,
                groovyx.net.http.ResponseParseException.class, java.io.IOException.class,
                java.net.SocketTimeoutException.class, java.net.ConnectException.class,
                java.net.UnknownHostException.class, java.net.SocketException.class,
                hearth.engine.http.OutboundRequestRefusedException.class, physicalgraph.device.HubAction.class)) {
            STATICS.putIfAbsent(c, Set.of());
        }
    }

    private static final Set<String> TYPE_NAMES = STATICS.keySet().stream().map(Class::getName)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> PRIMITIVES = Set.of("int", "long", "double", "float", "short", "byte",
            "char", "boolean", "void");

    // ---- compile time ---------------------------------------------------------------------------

    /** May app code name this class (binary name, arrays as "[L...;" or "X[]")? */
    static boolean isAllowedType(String className) {
        String name = className;
        while (name.endsWith("[]")) {
            name = name.substring(0, name.length() - 2);
        }
        return PRIMITIVES.contains(name) || TYPE_NAMES.contains(name);
    }

    static boolean isConstructible(String className) {
        return CONSTRUCTIBLE.stream().anyMatch(c -> c.getName().equals(className))
                || (className.endsWith("[]") && isAllowedType(className));
    }

    // ---- run time -------------------------------------------------------------------------------

    /** {@code SomeClass.name(...)} or {@code SomeClass.NAME}. */
    static boolean staticMember(Class<?> owner, String name) {
        Set<String> allowed = STATICS.get(owner);
        if (allowed == null || DENIED_NAMES.contains(name) || STATIC_DENY.contains(name)) {
            return false;
        }
        if (allowed.contains(name)) {
            return true;
        }
        if (!allowed.contains("*")) {
            return false;
        }
        for (Method m : owner.getMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers())) {
                return true;
            }
        }
        return Stream.of(owner.getFields())
                .anyMatch(f -> f.getName().equals(name) && Modifier.isStatic(f.getModifiers()));
    }

    /** A method call on an object that is neither the script nor a closure. */
    static boolean instanceCall(Class<?> type, String name) {
        if (DENIED_NAMES.contains(name)) {
            return false;
        }
        Set<String> dsl = dslMembers(type);
        if (dsl != null) {
            return !DSL_PLUMBING.contains(name) && (dsl.contains("*") || dsl.contains(name)
                    || dsl.contains(propertyOf(name)));
        }
        if (!isValueType(type)) {
            return false;
        }
        return COMMON_EXTENSIONS.contains(name) || hasPublicMethod(type, name);
    }

    /** Reading {@code obj.name} (Maps are handled by the caller). */
    static boolean propertyGet(Class<?> type, String name) {
        if (DENIED_NAMES.contains(name)) {
            return false;
        }
        Set<String> dsl = dslMembers(type);
        if (dsl != null) {
            return !DSL_PLUMBING.contains(name) && (dsl.contains("*") || dsl.contains(name));
        }
        if (!isValueType(type)) {
            return false;
        }
        String cap = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return hasPublicMethod(type, "get" + cap) || hasPublicMethod(type, "is" + cap)
                || COMMON_EXTENSIONS.contains("get" + cap);
    }

    /** Writing {@code obj.name = v} (Maps and the script are handled by the caller). */
    static boolean propertySet(Class<?> type, String name) {
        if (DENIED_NAMES.contains(name) || dslMembers(type) != null || !isValueType(type)) {
            return false;
        }
        String cap = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return hasPublicMethod(type, "set" + cap);
    }

    static boolean isValueType(Class<?> type) {
        for (Class<?> v : VALUE_TYPES) {
            if (v.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> dslMembers(Class<?> type) {
        for (Map.Entry<Class<?>, Set<String>> e : DSL_MEMBERS.entrySet()) {
            if (e.getKey().isAssignableFrom(type)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String propertyOf(String getter) {
        for (String prefix : List.of("get", "is")) {
            if (getter.startsWith(prefix) && getter.length() > prefix.length()) {
                String rest = getter.substring(prefix.length());
                return rest.equals(rest.toUpperCase(Locale.ROOT)) ? rest
                        : Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
            }
        }
        return getter;
    }

    private static boolean hasPublicMethod(Class<?> type, String name) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && !Modifier.isStatic(m.getModifiers())
                    && m.getDeclaringClass() != Object.class || m.getName().equals(name)
                    && Set.of("toString", "equals", "hashCode").contains(name)) {
                return true;
            }
        }
        return false;
    }
}
