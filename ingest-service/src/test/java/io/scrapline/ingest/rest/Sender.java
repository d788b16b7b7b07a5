package io.scrapline.ingest.rest;

import java.util.UUID;

import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;

/** A new tenant with one plant, and the token its source systems send with (role ingest). */
record Sender(String tenant, String token) {

    static Sender withPlant(TenantDb db, String plant) {
        String tenant = "t-" + UUID.randomUUID();
        TestTenants.createWithPlant(db, tenant, plant);
        return new Sender(tenant, TestTokens.get().token(tenant, "ingest"));
    }
}
