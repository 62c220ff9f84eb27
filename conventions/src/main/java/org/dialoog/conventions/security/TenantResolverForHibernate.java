package org.dialoog.conventions.security;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;

/**
 * Tenant isolation in one place: every entity with a {@code @TenantId} column is read and
 * written only for the caller's tenant, because Hibernate adds the tenant to every query.
 */
@PersistenceUnitExtension
@RequestScoped
public class TenantResolverForHibernate implements TenantResolver {

    /** A tenant no token can carry: a caller without one sees nothing. */
    public static final String NO_TENANT = "-";

    private final Caller caller;

    TenantResolverForHibernate(Caller caller) {
        this.caller = caller;
    }

    @Override
    public String getDefaultTenantId() {
        return NO_TENANT;
    }

    @Override
    public String resolveTenantId() {
        return caller.tenant().orElse(NO_TENANT);
    }
}
