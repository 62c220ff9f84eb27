package org.dialoog.conventions.domain;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a collection, as services return it and resources send it. */
public final class Paging {

    private Paging() {}

    /** One page of a collection. */
    @Schema(name = "Page", description = "One page of a collection.")
    public record Page<T>(
            List<T> items,
            @Schema(examples = "1") int page,
            @Schema(examples = "20") int pageSize,
            @Schema(examples = "57") long total) {

        public <R> Page<R> map(Function<T, R> mapper) {
            return new Page<>(items.stream().map(mapper).toList(), page, pageSize, total);
        }
    }
}
