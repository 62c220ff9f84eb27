package org.dialoog.conventions.rest;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.ToIntFunction;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request bodies are read strictly: a key given twice, a fraction for a whole number, a string
 * for a number or a boolean, a number for a string or an enum, and a date outside the years 1 to
 * 9999 are all errors, never silently coerced or stored.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Last, so that these deserializers stand above the Java time module's. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // FAIL_ON_NULL_FOR_PRIMITIVES stays off: Jackson treats an absent record component like null, and an
        // optional flag (boolean openRegistration) must keep its default when the field is left out.
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(number)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        // Text is held to InputText where requests come in (StrictJsonReader, InputParams), not here: this
        // mapper also reads what is already stored (JSON columns, dead letters, a merge patch's current state).
        mapper.registerModule(new SimpleModule("dialoog-strict-dates")
                .addDeserializer(LocalDate.class, new InRange<>(LocalDateDeserializer.INSTANCE, LocalDate::getYear))
                .addDeserializer(
                        OffsetDateTime.class,
                        new InRange<>(
                                InstantDeserializer.OFFSET_DATE_TIME,
                                t -> t.withOffsetSameInstant(ZoneOffset.UTC).getYear())));
    }

    /**
     * Dates and times as Jackson reads them, within the years 1 to 9999: what PostgreSQL and every
     * client can hold (Java reads years up to ±999,999,999, which the database refuses with a 500).
     */
    static final class InRange<T> extends StdScalarDeserializer<T> {

        private static final String OUT_OF_RANGE = "must lie between the years 1 and 9999";

        private final JsonDeserializer<T> standard;
        private final ToIntFunction<T> year;

        @SuppressWarnings("unchecked")
        InRange(JsonDeserializer<T> standard, ToIntFunction<T> year) {
            super((Class<T>) standard.handledType());
            this.standard = standard;
            this.year = year;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            T value;
            int y;
            try {
                value = standard.deserialize(p, ctxt);
                y = value == null ? 1 : year.applyAsInt(value);
            } catch (DateTimeException beyondJava) {
                throw new RefusedValue(p, OUT_OF_RANGE);
            }
            if (y < 1 || y > 9999) {
                throw new RefusedValue(p, OUT_OF_RANGE);
            }
            return value;
        }
    }

    /** A value refused by a rule of this API; its message is the reason, without the value itself. */
    static final class RefusedValue extends MismatchedInputException {

        RefusedValue(JsonParser p, String reason) {
            super(p, reason, String.class);
        }
    }
}
