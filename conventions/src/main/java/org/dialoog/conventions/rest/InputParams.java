package org.dialoog.conventions.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path segments, query parameters and the headers this API stores are held to {@link InputText}
 * before any resource sees them: a NUL byte in {@code ?q=} is a 400 problem, not a database error.
 */
public class InputParams {

    private static final List<String> STORED_HEADERS = List.of(IdempotentCreate.HEADER, HttpHeaders.IF_MATCH);

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseUnacceptableText(ContainerRequestContext request) {
        List<Problem.InvalidParam> errors = new ArrayList<>();
        String path = request.getUriInfo().getRequestUri().getRawPath();
        try {
            for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
                String refusal = InputText.refusal(segment.getPath());
                if (refusal != null) {
                    errors.add(new Problem.InvalidParam("path", refusal));
                    break;
                }
            }
            MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
            for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
                String refusal = InputText.refusal(parameter.getKey());
                for (String value : parameter.getValue()) {
                    refusal = refusal != null ? refusal : InputText.refusal(value);
                }
                if (refusal != null) {
                    errors.add(new Problem.InvalidParam(
                            InputText.refusal(parameter.getKey()) == null ? parameter.getKey() : "query", refusal));
                }
            }
        } catch (IllegalArgumentException malformed) {
            errors.add(new Problem.InvalidParam("query", "is not correctly percent-encoded"));
        }
        for (String header : STORED_HEADERS) {
            String refusal = InputText.refusal(request.getHeaderString(header));
            if (refusal != null) {
                errors.add(new Problem.InvalidParam(header, refusal));
            }
        }
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Problem(
                        "about:blank",
                        "Invalid input",
                        400,
                        "The request has " + errors.size() + " invalid parameter(s).",
                        path,
                        errors)
                .toResponse());
    }
}
