package org.dialoog.conventions.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        if (openAPI.getPaths() == null) {
            return;
        }
        var paths = OASFactory.createPaths();
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op :
                    path.getValue().getOperations().entrySet()) {
                document(path.getKey(), op.getKey(), op.getValue());
            }
            String relative =
                    path.getKey().startsWith(API_BASE) ? path.getKey().substring(API_BASE.length()) : path.getKey();
            paths.addPathItem(relative.isEmpty() ? "/" : relative, path.getValue());
        }
        openAPI.setPaths(paths);
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
            if (!(isPublic && (status.equals("401") || status.equals("403")))) {
                addIfAbsent(operation.getResponses(), status, description);
            }
        });
        if (path.contains("{")) {
            addIfAbsent(responses, "404", "No such resource (or not visible to this caller)");
        }
        if (method == PathItem.HttpMethod.POST
                || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH) {
            addIfAbsent(responses, "415", "The request body's Content-Type is not accepted");
        }
        for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
            APIResponse response = r.getValue();
            if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                response.setContent(problemContent());
            }
            Header version = OASFactory.createHeader().ref("#/components/headers/API-Version");
            response.addHeader("API-Version", version);
        }
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
