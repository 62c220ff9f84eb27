package org.dialoog.feedback.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.dialoog.testkit.AccessMatrix;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.Test;

/** Every operation of feedback-service against missing, bad and foreign tokens and each role (see AccessMatrix). */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "feedback"))
class AccessMatrixTest {

    @Test
    void everyOperationAnswersAsDocumentedForEveryCaller() {
        var matrix = new AccessMatrix(
                "demo", "other", Map.of("id", UUID.randomUUID().toString()), Map.of("facilitator", "fac-anna"));
        assertThat(matrix.run("feedback-service")).isEmpty();
    }
}
