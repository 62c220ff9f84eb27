package org.dialoog.engagement.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.dialoog.engagement.Api;
import org.dialoog.testkit.AccessMatrix;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.Test;

/** Every operation of engagement-service against missing, bad and foreign tokens and each role (see AccessMatrix). */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "engagement"))
class AccessMatrixTest {

    @Test
    void everyOperationAnswersAsDocumentedForEveryCaller() {
        UUID engagement = Api.createEngagement("Access matrix");
        String party = Api.facilitator()
                .body(Map.of("name", "A", "type", "TEAM"))
                .post("/api/v1/engagements/" + engagement + "/parties")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        var matrix = new AccessMatrix(
                Api.TENANT,
                Api.OTHER_TENANT,
                Map.of("id", engagement.toString(), "engagementId", engagement.toString(), "partyId", party),
                Map.of("facilitator", Api.FACILITATOR_ID));
        assertThat(matrix.run("engagement-service")).isEmpty();
    }
}
