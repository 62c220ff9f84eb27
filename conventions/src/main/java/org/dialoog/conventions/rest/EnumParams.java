package org.dialoog.conventions.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.dialoog.conventions.domain.DomainException;
import org.jspecify.annotations.Nullable;

/**
 * Reads enum query parameters strictly: an unknown value is a 400 problem naming the parameter
 * and the allowed values (JAX-RS would answer 404, as if the collection did not exist).
 */
@Provider
public class EnumParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> @Nullable ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum()) {
            return null;
        }
        String name = Arrays.stream(annotations)
                .filter(QueryParam.class::isInstance)
                .map(a -> ((QueryParam) a).value())
                .findFirst()
                .orElse(rawType.getSimpleName());
        Class<? extends Enum> type = (Class<? extends Enum>) rawType;
        return new ParamConverter<>() {
            @Override
            public @Nullable T fromString(@Nullable String value) {
                if (value == null || value.isEmpty()) {
                    return null;
                }
                try {
                    return (T) Enum.valueOf(type, value);
                } catch (IllegalArgumentException e) {
                    String allowed = Arrays.stream(type.getEnumConstants())
                            .map(Enum::name)
                            .collect(Collectors.joining(", "));
                    // A WebApplicationException passes through JAX-RS unchanged; the mapper reads the cause.
                    throw new BadRequestException(name, DomainException.invalid(name, "must be one of " + allowed));
                }
            }

            @Override
            public @Nullable String toString(@Nullable T value) {
                return value == null ? null : ((Enum<?>) value).name();
            }
        };
    }
}
