package org.dialoog.conventions.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretPathsTest {

    private static final String CODE = "Zq3x_9-abcDEFghiJKLmnoPQRstuVWX";

    @Test
    void aPersonalLinkCodeIsReplacedWhereverItStands() {
        assertThat(SecretPaths.redact("/api/v1/personal-invitations/" + CODE))
                .isEqualTo("/api/v1/personal-invitations/{code}");
        assertThat(SecretPaths.redact("/api/v1/personal-polls/" + CODE + "/votes"))
                .isEqualTo("/api/v1/personal-polls/{code}/votes");
        assertThat(SecretPaths.redact("http://h:8082/api/v1/personal-registrations/" + CODE + "/calendar.ics?x=1"))
                .isEqualTo("http://h:8082/api/v1/personal-registrations/{code}/calendar.ics?x=1");
        assertThat(SecretPaths.redact("/api/v1/calendar-feeds/" + CODE + "/calendar.ics"))
                .isEqualTo("/api/v1/calendar-feeds/{code}/calendar.ics");
    }

    @Test
    void idsAndOtherPathsStayAsTheyAre() {
        String feed = "/api/v1/calendar-feeds/6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";
        assertThat(SecretPaths.redact(feed)).isEqualTo(feed);
        assertThat(SecretPaths.redact("/api/v1/sessions/" + CODE)).isEqualTo("/api/v1/sessions/" + CODE);
        assertThat(SecretPaths.redact("/api/v1/calendar-feeds")).isEqualTo("/api/v1/calendar-feeds");
    }
}
