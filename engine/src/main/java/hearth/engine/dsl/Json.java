package hearth.engine.dsl;

import groovy.json.JsonGenerator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * The one JSON writer of the engine: device wrappers and states serialise to the shapes classic
 * clients parse, dates as ISO-8601 UTC with milliseconds.
 */
public final class Json {
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final JsonGenerator GENERATOR = new JsonGenerator.Options()
            .disableUnicodeEscaping()
            .addConverter(new TypeConverter(Date.class, v -> isoDate(((Date) v).toInstant())))
            .addConverter(new TypeConverter(Instant.class, v -> isoDate((Instant) v)))
            .addConverter(new TypeConverter(StateView.class, v -> ((StateView) v).toJsonMap()))
            .addConverter(new TypeConverter(DeviceView.class, v -> ((DeviceView) v).toJsonMap()))
            .addConverter(new TypeConverter(LocationView.class, v -> ((LocationView) v).toJsonMap()))
            .addConverter(new TypeConverter(CapabilityView.class, v -> ((CapabilityView) v).toJsonMap()))
            .addConverter(new TypeConverter(CommandView.class, v -> ((CommandView) v).toJsonMap()))
            .addConverter(new TypeConverter(AttributeView.class, v -> ((AttributeView) v).toJsonMap()))
            .addConverter(new TypeConverter(EventView.class, v -> ((EventView) v).toJsonMap()))
            .addConverter(new TypeConverter(ModeView.class, Object::toString))
            .addConverter(new TypeConverter(HelloHomeView.PhraseView.class, v -> ((HelloHomeView.PhraseView) v).toJsonMap()))
            .addConverter(new TypeConverter(java.util.TimeZone.class, v -> ((java.util.TimeZone) v).getID()))
            .addConverter(new TypeConverter(grails.converters.JSON.class, v -> ((grails.converters.JSON) v).target()))
            .addConverter(new OtherAsText())
            .build();

    static {
        // Grails' encodeAsJSON() on any value writes what this writer writes
        hearth.engine.sandbox.Codecs.writeJsonWith(Json::write);
    }

    private Json() {
    }

    public static String write(Object value) {
        return GENERATOR.toJson(value);
    }

    public static String isoDate(Instant instant) {
        return instant == null ? null : ISO.format(instant);
    }

    /**
     * Anything that is not plain data is written as its text, never walked getter by getter: the
     * default would call every getter of whatever object an app returns.
     */
    private static final class OtherAsText implements JsonGenerator.Converter {
        private static final java.util.List<Class<?>> DATA = java.util.List.of(java.util.Map.class,
                Iterable.class, Object[].class, CharSequence.class, Number.class, Boolean.class, Character.class,
                Date.class, java.util.Calendar.class, Enum.class, java.util.UUID.class, Instant.class,
                java.time.temporal.TemporalAccessor.class, java.util.Iterator.class, java.util.Optional.class,
                int[].class, long[].class, double[].class, float[].class, short[].class, byte[].class,
                char[].class, boolean[].class);

        @Override
        public boolean handles(Class<?> c) {
            for (Class<?> d : DATA) {
                if (d.isAssignableFrom(c)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Object convert(Object value, String key) {
            return String.valueOf(value);
        }
    }

    private record TypeConverter(Class<?> type, java.util.function.Function<Object, Object> f)
            implements JsonGenerator.Converter {
        @Override
        public boolean handles(Class<?> c) {
            return type.isAssignableFrom(c);
        }

        @Override
        public Object convert(Object value, String key) {
            return f.apply(value);
        }
    }
}
