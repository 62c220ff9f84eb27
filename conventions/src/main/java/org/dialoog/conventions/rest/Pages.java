package org.dialoog.conventions.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.dialoog.conventions.domain.Paging.Page;

/** The collection convention over HTTP: the {@link Page} envelope as the body and an RFC 8288 Link header. */
public final class Pages {

    public static final String DEFAULT_SIZE = "20";
    public static final int MAX_SIZE = 100;
    /** The highest page number a request may name: far beyond any real collection, and its offset stays an int. */
    public static final int MAX_PAGE = 1_000_000;

    private Pages() {}

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
        // Absolute, from the public base (PublicBaseUrl); the query is rebuilt from the decoded parameters,
        // because the rewritten request URI has lost the escaping of '&', '=' and '+' inside values.
        StringBuilder query = new StringBuilder();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!name.equals("page") && !name.equals("pageSize")) {
                for (String value : values) {
                    query.append(encode(name)).append('=').append(encode(value)).append('&');
                }
            }
        });
        query.append("page=").append(page).append("&pageSize=").append(pageSize);
        return "<" + uri.getAbsolutePath() + "?" + query + ">; rel=\"" + rel + "\"";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
