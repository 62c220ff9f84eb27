package org.dialoog.conventions.rest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Writes the shared conventions into the OpenAPI document, so that every operation documents
 * them the same way: the API-Version header on every answer, problem+json for every error,
 * and the errors every operation can give (NL API Design Rules).
 */
public class OpenApiConventions implements OASFilter {

    private static final String API_BASE = "/api/v1";

    /**
     * Marks an operation that takes no token (registration codes, respondent tokens):
     * {@code @Extension(name = OpenApiConventions.PUBLIC, value = "true")}. It is documented with
     * an empty security requirement, which the access-matrix test reads as "public".
     */
    public static final String PUBLIC = "x-public";

    /** What a public operation's 429 says, followed by the limits the service runs with. */
    static final String TOO_MANY =
            "Too many attempts from this address or for this target; Retry-After says when to try again.";

    /** The operation extension that states a public operation's rate limits for clients and generators. */
    static final String RATE_LIMIT = "x-rate-limit";

    /**
     * The configured limits ({@code RateLimitConfig}); read as plain properties because this filter also runs at
     * build time, and again at start, where the configuration the service runs with decides.
     */
    private static Map<String, Object> rateLimitValues() {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        Map<String, Object> limits = new java.util.LinkedHashMap<>();
        limits.put("perClientPerMinute", limit(config, "per-client-per-minute", 120));
        limits.put("perTargetPerMinute", limit(config, "per-target-per-minute", 3000));
        limits.put("perClientPerTargetAllowance", limit(config, "per-client-per-target-allowance", 10));
        return limits;
    }

    private static int limit(org.eclipse.microprofile.config.Config config, String key, int fallback) {
        return config.getOptionalValue("dialoog.rate-limit." + key, Integer.class)
                .orElse(fallback);
    }

    private static String rateLimits() {
        Map<String, Object> l = rateLimitValues();
        return " At most " + l.get("perClientPerMinute") + " requests per minute from one client address, and "
                + l.get("perTargetPerMinute") + " per minute to one target (one code, session or round) from everyone "
                + "together, of which each address keeps " + l.get("perClientPerTargetAllowance") + ".";
    }

    /**
     * Marks a list operation with the item schema its page holds: {@code @Extension(name =
     * OpenApiConventions.PAGE_OF, value = "Session")} documents the 200 answer as {@code SessionPage}.
     */
    public static final String PAGE_OF = "x-page-of";

    /**
     * Marks a PATCH operation with the request schema it patches: {@code @Extension(name =
     * OpenApiConventions.MERGE_PATCH_OF, value = "SessionRequest")} documents the body as {@code SessionPatch}.
     */
    public static final String MERGE_PATCH_OF = "x-merge-patch-of";

    /** The one security scheme: a bearer JWT from the identity provider. */
    public static final String BEARER = "bearer";

    /** In status order, so that every build writes the same document. */
    private static final Map<String, String> COMMON_ERRORS = new TreeMap<>(Map.of(
            "400", "Invalid input: a problem whose invalidParams names every bad field",
            "401", "No valid bearer token",
            "403", "The caller's role does not allow this",
            "406", "The Accept header asks for a media type this resource cannot give",
            "500", "Unexpected error; the problem carries an error id to report"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addHeader(
                        "API-Version",
                        OASFactory.createHeader()
                                .description("The full version of the API that answered")
                                .schema(OASFactory.createSchema()
                                        .type(List.of(Schema.SchemaType.STRING))
                                        .examples(List.of("1.0.0"))));
        openAPI.setServers(List.of(OASFactory.createServer()
                .url(API_BASE)
                .description("This service; the paths below are relative to it")));
        if (openAPI.getComponents().getSecuritySchemes() != null) {
            for (String name :
                    List.copyOf(openAPI.getComponents().getSecuritySchemes().keySet())) {
                if (!name.equals(BEARER)) {
                    openAPI.getComponents().removeSecurityScheme(name);
                }
            }
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        var paths = OASFactory.createPaths();
        Set<String> operationIds = new HashSet<>();
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op :
                    path.getValue().getOperations().entrySet()) {
                String id = op.getValue().getOperationId();
                if (id == null || !operationIds.add(id)) {
                    throw new IllegalStateException(op.getKey() + " " + path.getKey()
                            + (id == null ? " has no operationId" : " repeats operationId " + id)
                            + ": give it @Operation(operationId = \"verbNoun\")");
                }
                typedBodies(openAPI, op.getValue());
                document(path.getKey(), op.getKey(), op.getValue());
            }
            String relative =
                    path.getKey().startsWith(API_BASE) ? path.getKey().substring(API_BASE.length()) : path.getKey();
            paths.addPathItem(relative.isEmpty() ? "/" : relative, path.getValue());
        }
        openAPI.setPaths(paths);
        OpenApiSchemaRules.apply(openAPI);
    }

    /** Pages and merge-patch bodies get their typed schemas (see {@link #PAGE_OF}, {@link #MERGE_PATCH_OF}). */
    private static void typedBodies(OpenAPI openAPI, Operation operation) {
        // SmallRye hands a method's @Extension to the operation, to its responses, or to its one
        // response, depending on how many @APIResponse it has: look in all three and clear them
        Map<String, Object> extensions = new java.util.HashMap<>();
        List<org.eclipse.microprofile.openapi.models.Extensible<?>> holders = new ArrayList<>();
        holders.add(operation);
        holders.add(operation.getResponses());
        holders.addAll(operation.getResponses().getAPIResponses().values());
        for (var holder : holders) {
            if (holder.getExtensions() != null) {
                extensions.putAll(holder.getExtensions());
                if (holder.getExtensions().containsKey(PAGE_OF)) {
                    holder.removeExtension(PAGE_OF);
                }
                if (holder.getExtensions() != null && holder.getExtensions().containsKey(MERGE_PATCH_OF)) {
                    holder.removeExtension(MERGE_PATCH_OF);
                }
            }
        }
        Object item = extensions.get(PAGE_OF);
        if (item != null) {
            String page = OpenApiSchemaRules.page(openAPI, item.toString());
            operation
                    .getResponses()
                    .addAPIResponse(
                            "200",
                            operation
                                    .getResponses()
                                    .getAPIResponse("200")
                                    .content(OASFactory.createContent()
                                            .addMediaType(
                                                    jakarta.ws.rs.core.MediaType.APPLICATION_JSON,
                                                    OASFactory.createMediaType()
                                                            .schema(OpenApiSchemaRules.ref(page)))));
        }
        Object patched = extensions.get(MERGE_PATCH_OF);
        if (patched != null) {
            Schema patch = OpenApiSchemaRules.ref(OpenApiSchemaRules.mergePatch(openAPI, patched.toString()));
            operation
                    .getRequestBody()
                    .required(true)
                    .content(OASFactory.createContent()
                            .addMediaType(
                                    MergePatch.MEDIA_TYPE,
                                    OASFactory.createMediaType().schema(patch))
                            .addMediaType(
                                    jakarta.ws.rs.core.MediaType.APPLICATION_JSON,
                                    OASFactory.createMediaType().schema(patch)));
        }
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (operation.getExtensions() != null && operation.getExtensions().containsKey(PUBLIC)) {
            operation.setSecurity(new ArrayList<>());
        }
        boolean isPublic =
                operation.getSecurity() != null && operation.getSecurity().isEmpty();
        COMMON_ERRORS.forEach((status, description) -> {
            if (!(isPublic && status.equals("403"))) {
                addIfAbsent(
                        operation.getResponses(),
                        status,
                        // a public operation needs no token, but one that is sent must be valid (IdentityRules)
                        isPublic && status.equals("401")
                                ? "A bearer token was sent, and it is not valid"
                                : description);
            }
        });
        if (path.contains("{") || namesAResourceInItsQuery(operation)) {
            addIfAbsent(responses, "404", "No such resource (or not visible to this caller)");
        }
        boolean write = method == PathItem.HttpMethod.POST
                || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH
                || method == PathItem.HttpMethod.DELETE;
        if (write && method != PathItem.HttpMethod.DELETE) {
            addIfAbsent(responses, "415", "The request body's Content-Type is not accepted");
            addIfAbsent(responses, "413", "The request body is larger than this service accepts");
        }
        if (write) {
            addIfAbsent(
                    responses,
                    "409",
                    "Conflicts with the resource's current state, or with a change made at the same moment; with type "
                            + "urn:dialoog:problem:not-yet-known and Retry-After: this service does not know yet what the "
                            + "request names (its copy of another service's facts may be a moment behind): retry as told");
        }
        if (hasHeader(operation, "If-Match")) {
            addIfAbsent(responses, "412", "If-Match no longer matches: the resource changed since it was read");
        }
        if (method == PathItem.HttpMethod.GET && !isPublic) {
            addIfAbsent(
                    responses,
                    "304",
                    "Not modified: If-None-Match names the answer's current ETag (no body; keep using the one you "
                            + "have)");
        }
        if (hasHeader(operation, IdempotentCreate.HEADER)) {
            addIfAbsent(responses, "422", "This Idempotency-Key was used before with another body");
        }
        if (isPublic) {
            addIfAbsent(responses, "429", TOO_MANY + rateLimits());
            operation.addExtension(RATE_LIMIT, rateLimitValues());
        }
        for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
            APIResponse response = r.getValue();
            if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                response.setContent(problemContent());
            }
            Header version = OASFactory.createHeader().ref("#/components/headers/API-Version");
            response.addHeader("API-Version", version);
        }
        responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
    }

    /** A required id in the query (e.g. {@code /calendar?engagementId=}) can name a resource that is not there. */
    private static boolean namesAResourceInItsQuery(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(
                                p -> p.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY
                                        && Boolean.TRUE.equals(p.getRequired())
                                        && p.getSchema() != null
                                        && ("uuid".equals(p.getSchema().getFormat())
                                                || "#/components/schemas/UUID"
                                                        .equals(p.getSchema().getRef())));
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(
                                p -> p.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER
                                        && name.equalsIgnoreCase(p.getName()));
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        MediaType problem = OASFactory.createMediaType().schema(problemSchema());
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem);
    }

    /** Inlined rather than referenced, so every error response states its members where it stands. */
    private static Schema problemSchema() {
        Schema invalidParam = OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("name", string("title"))
                .addProperty("reason", string("must not be blank"));
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .required(List.of("status", "title", "detail"))
                .addProperty("type", string("about:blank"))
                .addProperty("title", string("Invalid input"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.INTEGER))
                                .examples(List.of(400)))
                .addProperty("detail", string("The request has 1 invalid field(s)."))
                .addProperty("instance", string("/api/v1/engagements"))
                .addProperty(
                        "invalidParams",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.ARRAY))
                                .items(invalidParam));
    }

    private static Schema string(String example) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).examples(List.of(example));
    }
}
