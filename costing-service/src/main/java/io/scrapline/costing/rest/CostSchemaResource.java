package io.scrapline.costing.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.scrapline.costing.domain.CostSchemaDraft;
import io.scrapline.costing.service.CostSchemaService;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.scrapline.platform.problem.Problem;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/cost-schemas")
@Tag(name = "Cost schema", description = "The tenant's costing settings, as versions: draft, approved, superseded")
@Produces(MediaType.APPLICATION_JSON)
public class CostSchemaResource {

    /** The settings of the examples' versions. */
    private static final String SETTINGS = """
            "scrap_method": "full_standard", "planned_scrap_convention": "of_input", "rounding": "half_up",
             "labor_burden": "0.35", "fx_policy": "average", "vital_few_threshold": "0.80",
             "defect_catalog_version": "2026.1", "include_scrap_in_completions": false,
             "created_by": "maria@acme.example", "created_at": "2026-10-01T08:00:00Z\"""";

    private static final String QUALITY_APPROVAL = """
            {"role": "quality", "approved_by": "maria@acme.example", "approved_at": "2026-10-01T16:40:00Z"}""";

    private static final String DRAFT = "{\"version\": 3, \"status\": \"draft\", " + SETTINGS + "}";

    private static final String VERSION = "{\"version\": 2, \"status\": \"approved\", " + SETTINGS + """
            , "approved_by": "lee@acme.example", "approved_at": "2026-10-02T09:15:00Z", "superseded_at": null,
             "approvals": [""" + QUALITY_APPROVAL + """
            , {"role": "controller", "approved_by": "lee@acme.example", "approved_at": "2026-10-02T09:15:00Z"}]}""";

    /** A draft with one of its two approvals. */
    private static final String PENDING = "{\"version\": 3, \"status\": \"draft\", " + SETTINGS + """
            , "approved_by": null, "approved_at": null, "superseded_at": null, "approvals": [""" + QUALITY_APPROVAL
            + "]}";

    private final CostSchemaService schemas;
    private final Caller caller;
    private final JsonWebToken token;

    public CostSchemaResource(CostSchemaService schemas, Caller caller, JsonWebToken token) {
        this.schemas = schemas;
        this.caller = caller;
        this.token = token;
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draft the next cost-schema version", description = "Every setting is optional and takes "
            + "the cost model's default: scrap_method cumulative_standard (or full_standard, material_only), "
            + "planned_scrap_convention of_input (or of_yield), rounding half_up (or half_even), labor_burden 0 "
            + "(a fraction, at least 0), fx_policy average (or closing), vital_few_threshold 0.80 (above 0, at "
            + "most 1), defect_catalog_version none, include_scrap_in_completions false (whether the ERP counts "
            + "scrapped units among an order's completions, for orders costed at actual). A draft is not used for costing until it is approved.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CostSchemaRequests.Draft.class), examples = @ExampleObject(name = "draft", value = """
            {"scrap_method": "full_standard", "rounding": "half_up", "labor_burden": "0.35",
             "vital_few_threshold": "0.80", "defect_catalog_version": "2026.1"}""")))
    @APIResponse(responseCode = "201", description = "The draft, numbered after the newest version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CostSchemaRequests.Version.class), examples = @ExampleObject(name = "draft", value = DRAFT)))
    @APIResponse(responseCode = "422", description = "Invalid settings, each named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(CostSchemaRequests.Draft request) {
        CostSchemaRequests.Draft draft = request == null
                ? new CostSchemaRequests.Draft(null, null, null, null, null, null, null, null)
                : request;
        CostSchemaDraft.Read read = CostSchemaDraft.read(draft.scrapMethod(), draft.plannedScrapConvention(),
                draft.rounding(), draft.laborBurden(), draft.fxPolicy(), draft.vitalFewThreshold(),
                draft.defectCatalogVersion(), draft.includeScrapInCompletions());
        return schemas.createDraft(caller.tenant(), caller.scope(), token.getName(), read)
                .map(CostSchemaRequests.Version::of).map(version -> Response
                        .created(URI.create("/api/v1/cost-schemas/" + version.version())).entity(version).build());
    }

    @POST
    @Path("/{version}/approve")
    @RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER, Roles.QUALITY })
    @Operation(summary = "Record the caller's approval of a draft", description = "A draft needs the approval of "
            + "every role of scrapline.costing.schema-approval-roles (quality and controller unless configured), each "
            + "by a different person; the caller's approval counts for the first of those roles the token holds that "
            + "has none yet. With one approval missing the version stays a draft and lists its approvals; the approval "
            + "that completes them approves it: it is used for every event costed from now on, the version approved "
            + "until now is superseded, and every open plant-period with events is queued for re-costing with it.")
    @APIResponse(responseCode = "200", description = "The version with its approvals: still a draft, or approved", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CostSchemaRequests.Version.class), examples = {
            @ExampleObject(name = "approved", value = VERSION), @ExampleObject(name = "waiting", value = PENDING) }))
    @APIResponse(responseCode = "403", description = "The token holds none of the roles that approve", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such version for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The version is not a draft, the caller approved it already, or its roles have", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CostSchemaRequests.Version> approve(@PathParam("version") int version) {
        return schemas.approve(caller.tenant(), caller.scope(), version, token.getName(), token.getGroups())
                .map(CostSchemaRequests.Version::of);
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER, Roles.QUALITY })
    @Operation(summary = "Every cost-schema version, newest first")
    @APIResponse(responseCode = "200", description = "The versions", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CostSchemaRequests.Version.class), examples = @ExampleObject(name = "versions", value = "["
            + VERSION + "]")))
    public Uni<List<CostSchemaRequests.Version>> list() {
        return schemas.list(caller.tenant())
                .map(versions -> versions.stream().map(CostSchemaRequests.Version::of).toList());
    }

    @GET
    @Path("/{version}")
    @RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER, Roles.QUALITY })
    @Operation(summary = "One cost-schema version")
    @APIResponse(responseCode = "200", description = "The version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CostSchemaRequests.Version.class), examples = @ExampleObject(name = "version", value = VERSION)))
    @APIResponse(responseCode = "404", description = "No such version for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CostSchemaRequests.Version> get(@PathParam("version") int version) {
        return schemas.get(caller.tenant(), version).map(CostSchemaRequests.Version::of);
    }
}
