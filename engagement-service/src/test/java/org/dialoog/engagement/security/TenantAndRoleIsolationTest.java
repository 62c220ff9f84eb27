package org.dialoog.engagement.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.engagement.Api.admin;
import static org.dialoog.engagement.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.dialoog.engagement.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.HostileText;
import org.junit.jupiter.api.Test;

/** Clients see only their own engagements, tenants never meet, and hostile text is just text. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "engagement"))
class TenantAndRoleIsolationTest {

    private static final List<String> HOSTILE = HostileText.SAMPLES;

    @Test
    void aClientSeesOnlyTheEngagementsItIsAContactOf() {
        String marker = "Client view " + UUID.randomUUID();
        Map<String, Object> mine = new HashMap<>(Api.engagement(marker + " mine"));
        mine.put("clientContacts", List.of("client-karin"));
        String own = admin().body(mine)
                .post("/api/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String other = admin().body(Api.engagement(marker + " not mine"))
                .post("/api/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        as("client-karin", "client", Api.TENANT)
                .queryParam("q", marker)
                .get("/api/v1/engagements")
                .then()
                .statusCode(200)
                .body("items.id", contains(own));
        as("client-karin", "client", Api.TENANT)
                .get("/api/v1/engagements/" + other)
                .then()
                .statusCode(404);
        as("client-karin", "client", Api.TENANT)
                .get("/api/v1/engagements/" + own)
                .then()
                .statusCode(200);
        as("client-karin", "client", Api.TENANT)
                .contentType("application/merge-patch+json")
                .body(Map.of("title", "mine now"))
                .patch("/api/v1/engagements/" + own)
                .then()
                .statusCode(403);
    }

    @Test
    void aFacilitatorSeesOnlyWhatItFacilitatesAndAnotherTenantNothing() {
        String marker = "Facilitated " + UUID.randomUUID();
        String theirs = as("fac-bob", "facilitator", Api.TENANT)
                .body(Map.of(
                        "title",
                        marker,
                        "kind",
                        "PROCESS_FACILITATION",
                        "clientOrganisation",
                        "Zorggroep",
                        "objectives",
                        List.of("MOTIVATE_STAFF")))
                .post("/api/v1/engagements")
                .then()
                .statusCode(201)
                .body("facilitators", contains("fac-bob"))
                .extract()
                .path("id");
        Api.facilitator().get("/api/v1/engagements/" + theirs).then().statusCode(404);
        Api.facilitator()
                .queryParam("q", marker)
                .get("/api/v1/engagements")
                .then()
                .body("total", equalTo(0));
        as("admin-other", "admin", Api.OTHER_TENANT)
                .get("/api/v1/engagements/" + theirs)
                .then()
                .statusCode(404);
        as("admin-other", "admin", Api.OTHER_TENANT)
                .queryParam("q", marker)
                .get("/api/v1/engagements")
                .then()
                .body("total", equalTo(0));
        as("admin-other", "admin", Api.OTHER_TENANT)
                .body(Map.of("name", "Intruders", "type", "OTHER"))
                .post("/api/v1/engagements/" + theirs + "/parties")
                .then()
                .statusCode(404);
        admin().get("/api/v1/engagements/" + theirs).then().statusCode(200);
    }

    @Test
    void hostileTextIsStoredAndReturnedVerbatimAndHarmsNothing() {
        for (String text : HOSTILE) {
            Map<String, Object> body = new HashMap<>(Api.engagement(text));
            body.put("description", text);
            body.put("clientOrganisation", text);
            String id = admin().body(body)
                    .post("/api/v1/engagements")
                    .then()
                    .statusCode(201)
                    .body("title", equalTo(text))
                    .body("description", equalTo(text))
                    .extract()
                    .path("id");
            String party = admin().body(Map.of("name", text, "type", "OTHER", "interests", text))
                    .post("/api/v1/engagements/" + id + "/parties")
                    .then()
                    .statusCode(201)
                    .body("name", equalTo(text))
                    .extract()
                    .path("id");
            admin().body(Map.of("partyId", party, "displayName", text, "role", "MEMBER"))
                    .post("/api/v1/engagements/" + id + "/participants")
                    .then()
                    .statusCode(201)
                    .body("displayName", equalTo(text));
            admin().get("/api/v1/engagements/" + id).then().statusCode(200).body("clientOrganisation", equalTo(text));
            admin().queryParam("q", text).get("/api/v1/engagements").then().statusCode(200);
        }
        int total = admin().get("/api/v1/engagements")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
        assertThat(total).isGreaterThanOrEqualTo(HOSTILE.size());
    }
}
