package org.dialoog.keycloak;

import java.util.List;

/** An example user of {@code deploy/keycloak/dialoog-realm.json}: its fixed id (the token's sub), role and tenant. */
record RealmUser(String username, String id, String role, String org) {

    /** The one password of every example user: local development and tests only. */
    static final String PASSWORD = "local-only";

    static final RealmUser ANNA = new RealmUser("anna", "a3b1f2c4-0001-4000-8000-000000000001", "facilitator", "demo");
    static final RealmUser BRAM = new RealmUser("bram", "a3b1f2c4-0002-4000-8000-000000000002", "admin", "demo");
    static final RealmUser CARLA = new RealmUser("carla", "a3b1f2c4-0003-4000-8000-000000000003", "client", "demo");
    static final RealmUser DIRK = new RealmUser("dirk", "a3b1f2c4-0004-4000-8000-000000000004", "facilitator", "other");
    /** A facilitator no administrator has given a tenant (org) yet. */
    static final String NORA = "nora";

    static final String NORA_ID = "a3b1f2c4-0005-4000-8000-000000000005";

    static final List<RealmUser> WITH_TENANT = List.of(ANNA, BRAM, CARLA, DIRK);

    /** The service account of the municipal-integration client. */
    static final String INTEGRATION_ACCOUNT_ID = "a3b1f2c4-0006-4000-8000-000000000006";
}
