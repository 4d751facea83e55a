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
            .addConverter(new TypeConverter(java.util.TimeZone.class, v -> ((java.util.TimeZone) v).getID()))
            .build();

    private Json() {
    }

    public static String write(Object value) {
        return GENERATOR.toJson(value);
    }

    public static String isoDate(Instant instant) {
        return instant == null ? null : ISO.format(instant);
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
