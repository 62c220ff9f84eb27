package org.dialoog.session.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The collection convention: the {@code items/page/pageSize/total} envelope and an RFC 8288 Link header. */
public final class Pages {

    public static final String DEFAULT_SIZE = "20";
    public static final int MAX_SIZE = 100;

    private Pages() {
    }

    /** One page of a collection. */
    @Schema(name = "Page", description = "One page of a collection.")
    public record Page<T>(List<T> items,
                          @Schema(examples = "1") int page,
                          @Schema(examples = "20") int pageSize,
                          @Schema(examples = "57") long total) {

        public <R> Page<R> map(Function<T, R> mapper) {
            return new Page<>(items.stream().map(mapper).toList(), page, pageSize, total);
        }
    }

    public static Response ok(Page<?> page, UriInfo uri) {
        long lastPage = Math.max(1, (page.total() + page.pageSize() - 1) / page.pageSize());
        List<String> links = new ArrayList<>();
        links.add(link(uri, 1, page.pageSize(), "first"));
        if (page.page() > 1) {
            links.add(link(uri, (int) Math.min(page.page() - 1, lastPage), page.pageSize(), "prev"));
        }
        if (page.page() < lastPage) {
            links.add(link(uri, page.page() + 1, page.pageSize(), "next"));
        }
        links.add(link(uri, (int) lastPage, page.pageSize(), "last"));
        return Response.ok(page).header("Link", String.join(", ", links)).build();
    }

    private static String link(UriInfo uri, int page, int pageSize, String rel) {
        URI target = uri.getRequestUriBuilder()
                .replaceQueryParam("page", page)
                .replaceQueryParam("pageSize", pageSize)
                .build();
        return "<" + target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()) + ">; rel=\"" + rel + "\"";
    }
}
