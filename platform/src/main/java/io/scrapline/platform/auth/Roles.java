package io.scrapline.platform.auth;

/** The roles of the {@code groups} claim (architecture.md, "Tenancy and security"). */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String INGEST = "ingest";
    public static final String CONTROLLER = "controller";
    public static final String QUALITY = "quality";
    public static final String SUPERVISOR = "supervisor";
    /**
     * A service's prompt to another service; only a token signed with the service key carries it
     * ({@link io.scrapline.platform.identity.TwoIssuerPrincipalFactory}).
     */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
