package org.dialoog.conventions.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A rule of the domain said no; the REST layer turns it into an RFC 9457 problem with {@link #status()}. */
public class DomainException extends RuntimeException {

    /** One bad input field and why. */
    public record FieldError(String name, String reason) {}

    private final int status;
    private final String title;
    private final List<FieldError> fieldErrors;
    private long retryAfterSeconds;
    private String type = "about:blank";

    /**
     * The problem type of {@link #notYetKnown}: this service's copy of another service's facts does not (yet) show
     * what the request names. Not a refusal: the fact may be on its way (a second, usually); retry after Retry-After.
     */
    public static final String NOT_YET_KNOWN = "urn:dialoog:problem:not-yet-known";

    public DomainException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public DomainException(int status, String title, String detail, List<FieldError> fieldErrors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static DomainException notFound(String what, Object id) {
        return new DomainException(404, "Not found", what + " " + id + " does not exist.");
    }

    public static DomainException conflict(String detail) {
        return new DomainException(409, "Conflict", detail);
    }

    public static DomainException invalid(List<FieldError> errors) {
        return new DomainException(
                400, "Invalid input", "The request has " + errors.size() + " invalid field(s).", errors);
    }

    public static DomainException invalid(String field, String reason) {
        return invalid(List.of(new FieldError(field, reason)));
    }

    /** An If-Match check: nothing when no version was named or it is the current one, 412 otherwise. */
    public static void requireVersion(@Nullable Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw staleVersion(expected, actual);
        }
    }

    public static DomainException staleVersion(long expected, long actual) {
        return new DomainException(
                412,
                "Precondition failed",
                "If-Match names version " + expected + " but the resource is at version " + actual
                        + "; fetch it again.");
    }

    /** A client asked too often; it may try again after the given number of seconds (429 with Retry-After). */
    public static DomainException tooManyRequests(String detail, long retryAfterSeconds) {
        DomainException e = new DomainException(429, "Too many requests", detail);
        e.retryAfterSeconds = retryAfterSeconds;
        return e;
    }

    /**
     * A read model here is behind, or the id is wrong — this service cannot tell which: 409 of type
     * {@link #NOT_YET_KNOWN} with Retry-After, naming the field. A client retries as told, a few times; an id that
     * stays unknown is not one it may use.
     */
    public static DomainException notYetKnown(String field, String detail, long retryAfterSeconds) {
        DomainException e = new DomainException(
                409, "Not yet known here", detail, List.of(new FieldError(field, "not (yet) known here")));
        e.type = NOT_YET_KNOWN;
        e.retryAfterSeconds = retryAfterSeconds;
        return e;
    }

    /** The RFC 9457 problem type: {@code about:blank} but for {@link #NOT_YET_KNOWN}. */
    public String type() {
        return type;
    }

    /** Seconds before a retry may succeed; 0 when the answer does not depend on time. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
