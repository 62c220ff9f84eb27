package org.dialoog.conventions.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.dialoog.conventions.domain.DomainException;
import org.jspecify.annotations.Nullable;

/**
 * Reads query parameters strictly: an unknown enum value, a fraction or an overflowing number for
 * a whole number, anything but {@code true}/{@code false} for a flag, and a malformed UUID are 400
 * problems naming the parameter and what it needs (JAX-RS would answer 404, as if the collection
 * did not exist).
 */
@Provider
public class QueryParams implements ParamConverterProvider {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> @Nullable ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = Arrays.stream(annotations)
                .filter(QueryParam.class::isInstance)
                .map(a -> ((QueryParam) a).value())
                .findFirst()
                .orElse(null);
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String allowed =
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            return converter(name == null ? rawType.getSimpleName() : name, "must be one of " + allowed, true, value ->
                    (T) Enum.valueOf(type, value));
        }
        if (name == null) {
            return null; // path parameters: a malformed id names no resource, and 404 says so
        }
        if (rawType == int.class || rawType == Integer.class) {
            return converter(name, "must be a whole number", false, value -> (T) Integer.valueOf(value));
        }
        if (rawType == long.class || rawType == Long.class) {
            return converter(name, "must be a whole number", false, value -> (T) Long.valueOf(value));
        }
        if (rawType == boolean.class || rawType == Boolean.class) {
            // true/false in any case (Python's requests sends "True"); an empty value is false, as it always was
            return converter(name, "must be true or false", false, value -> {
                if (value.isEmpty() || value.equalsIgnoreCase("false")) {
                    return (T) (Boolean) false;
                }
                if (value.equalsIgnoreCase("true")) {
                    return (T) (Boolean) true;
                }
                throw new IllegalArgumentException(value);
            });
        }
        if (rawType == UUID.class) {
            return converter(name, "must be a UUID", true, value -> {
                if (!UUID_TEXT.matcher(value).matches()) {
                    throw new IllegalArgumentException(value);
                }
                return (T) UUID.fromString(value);
            });
        }
        return null;
    }

    /** {@code emptyIsAbsent}: {@code ?status=} means no filter; {@code ?page=} is not a page number. */
    private static <T> ParamConverter<T> converter(
            String name, String needs, boolean emptyIsAbsent, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public @Nullable T fromString(@Nullable String value) {
                if (value == null || (value.isEmpty() && emptyIsAbsent)) {
                    return null;
                }
                try {
                    return parse.apply(value);
                } catch (IllegalArgumentException e) {
                    // A WebApplicationException passes through JAX-RS unchanged; the mapper reads the cause.
                    throw new BadRequestException(name, DomainException.invalid(name, needs));
                }
            }

            @Override
            public @Nullable String toString(@Nullable T value) {
                return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
            }
        };
    }
}
