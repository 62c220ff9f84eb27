package org.dialoog.engagement.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.dialoog.engagement.Api;
import org.dialoog.testkit.DatabaseFingerprint;
import org.dialoog.testkit.DevTokens;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.OpenApiFuzz;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every parameter and body field of every engagement-service operation, made hostile one at a time: no answer is
 * 5xx, and nothing refused leaves a trace in the database (see OpenApiFuzz).
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "engagement"))
class FuzzTest {

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void noOperationAnswers5xxOrWritesOnRefusal() {
        UUID engagement = Api.createEngagement("Fuzz");
        String party = Api.facilitator()
                .body(Map.of("name", "Fuzz", "type", "TEAM"))
                .post("/api/v1/engagements/" + engagement + "/parties")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String participant = Api.facilitator()
                .body(Map.of(
                        "partyId",
                        party,
                        "displayName",
                        "Fuzz Fixture",
                        "email",
                        "fuzz-fixture@example.nl",
                        "role",
                        "MEMBER"))
                .post("/api/v1/engagements/" + engagement + "/participants")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        var fuzz = new OpenApiFuzz(
                URI.create(RestAssured.baseURI + ":" + RestAssured.port),
                DevTokens.mint(Api.FACILITATOR_ID, List.of("admin", "facilitator"), Api.TENANT),
                new DatabaseFingerprint(dataSource));

        List<String> failures = fuzz.run(
                "engagement-service",
                Map.of(
                        "engagementId",
                        engagement.toString(),
                        "partyId",
                        party,
                        "participantId",
                        participant,
                        "facilitators",
                        Api.FACILITATOR_ID),
                Map.of(),
                // the status and phase moves may end the draft, after which most writes are refused
                List.of("POST /engagements/{engagementId}/phase", "POST /engagements/{engagementId}/status"));

        assertThat(failures).isEmpty();
    }
}
