package io.scrapline.ingest.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.scrapline.ingest.domain.ConnectorDefinition;
import io.scrapline.ingest.domain.ConnectorRun;
import io.scrapline.ingest.service.ConnectorService;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.problem.Problem;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/sources/{source}/connectors/{connector}")
@Tag(name = "Connectors", description = "Scheduled pulls from sources that cannot push: a paged REST API or a "
        + "read-only database query")
@RolesAllowed(Roles.ADMIN)
public class ConnectorResource {

    private static final String REST_EXAMPLE = """
            {"kind": "rest", "record_type": "defects", "interval_seconds": 300, "enabled": true,
             "config": {"url": "https://mes.example.com/api/defects", "items_path": "/data",
                        "cursor_param": "cursor", "next_cursor_path": "/next_cursor",
                        "field_map": {"id": "source_id", "plant": "plant", "line": "line", "wc": "work_center",
                                      "part_no": "part", "code": "defect_code", "qty": "quantity",
                                      "disposition": "disposition", "ts": "occurred_at"},
                        "auth": {"type": "oauth2_client_credentials", "token_url": "https://idp.example.com/token",
                                 "client_id": "scrapline", "client_secret": "s3cr3t", "scope": "mes.read"}}}""";
    private static final String DATABASE_EXAMPLE = """
            {"kind": "database", "record_type": "defects", "interval_seconds": 600,
             "config": {"host": "mes-db.plant.local", "port": 5432, "database": "mes", "user": "scrapline_ro",
                        "password": "s3cr3t",
            "query": "SELECT * FROM mes_defects WHERE updated_at > $1::timestamptz ORDER BY updated_at LIMIT 500",
                        "watermark_column": "updated_at", "initial_watermark": "2026-01-01T00:00:00Z",
                        "field_map": {"defect_id": "source_id", "plant_code": "plant", "line": "line",
                                      "work_center": "work_center", "part_no": "part", "code": "defect_code",
                                      "qty": "quantity", "disposition": "disposition", "occurred": "occurred_at"}}}""";
    private static final String VIEW_EXAMPLE = """
            {"source": "plex-mes", "connector": "defects", "kind": "rest", "record_type": "defects",
             "interval_seconds": 300, "enabled": true,
             "config": {"url": "https://mes.example.com/api/defects", "items_path": "/data",
                        "cursor_param": "cursor", "next_cursor_path": "/next_cursor", "field_map": {"id": "source_id"},
                        "auth": {"type": "header", "header_name": "X-Api-Key", "header_value": "********"}},
             "cursor": "c-1042", "status": "idle", "last_run_at": "2026-10-14T09:30:00Z",
             "last_success_at": "2026-10-14T09:30:00Z", "last_error": null, "next_run_at": "2026-10-14T09:35:00Z",
             "updated_at": "2026-10-01T08:00:00Z",
             "last_run": {"run_id": 17, "status": "succeeded", "started_at": "2026-10-14T09:30:00Z",
                          "finished_at": "2026-10-14T09:30:02Z", "pages": 3, "records": 1500, "attempts": 4,
                          "cursor_before": "c-1039", "cursor_after": "c-1042", "error": null}}""";
    private static final String RUN_EXAMPLE = """
            {"run_id": 18, "status": "failed", "started_at": "2026-10-14T09:35:00Z",
             "finished_at": "2026-10-14T09:35:09Z", "pages": 1, "records": 500, "attempts": 5,
             "cursor_before": "c-1042", "cursor_after": "c-1043",
             "error": "GET https://mes.example.com/api/defects with cursor=c-1043: remote answered HTTP 503 (4 attempts)"}""";

    private static final String LIMIT_RULE = "must be from 1 to 500";

    private final ConnectorService connectors;
    private final Caller caller;

    public ConnectorResource(ConnectorService connectors, Caller caller) {
        this.connectors = connectors;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a pull connector", description = "Registers the source system if it is "
            + "new. Secrets (auth header value, OAuth2 client secret, database password) are never returned; send "
            + "them again, or leave them out (or send \"********\") to keep the stored ones, which is allowed only "
            + "while they still go to the same URL or host. Credentials belong in auth, never in the url, which is "
            + "shown. Secrets are stored encrypted. Hosts (url, auth.token_url, host) must be public addresses or "
            + "in the operator's allow-list (scrapline.egress.allow); the platform's own addresses are refused. "
            + "The cursor is kept unless the kind changes.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectorRequest.class), examples = {
            @ExampleObject(name = "rest", value = REST_EXAMPLE),
            @ExampleObject(name = "database", value = DATABASE_EXAMPLE) }))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectorView.class), examples = @ExampleObject(name = "connector", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectorView.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, each named (e.g. config.auth.client_id, or config.url: address not allowed by egress policy); nothing stored", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> put(@PathParam("source") String source, @PathParam("connector") String connector,
            ConnectorRequest request) {
        requireWholeTenant();
        return connectors.put(caller.tenant(), source, connector, request == null ? null : request.draft())
                .map(saved -> {
                    ConnectorView view = ConnectorView.of(saved.connector());
                    return saved.created() ? Response.created(URI.create(path(source, connector))).entity(view).build()
                            : Response.ok(view).build();
                });
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.INGEST })
    @Operation(summary = "A connector, its cursor and its last run", description = "Secrets are masked.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectorView.class), examples = @ExampleObject(name = "connector", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such connector for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ConnectorView> get(@PathParam("source") String source, @PathParam("connector") String connector) {
        requireWholeTenant();
        return connectors.get(caller.tenant(), source, connector).map(ConnectorView::of);
    }

    @GET
    @Path("/runs")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.INGEST })
    @Operation(summary = "The connector's run log, newest first", description = "Each run with the pages and "
            + "records it committed, the requests it took (retries included), the cursor before and after, and "
            + "its error, which also names records the source sent that were rejected.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ConnectorRun.class), examples = @ExampleObject(name = "runs", value = "["
            + RUN_EXAMPLE + "]")))
    @APIResponse(responseCode = "404", description = "No such connector for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<ConnectorRun>> runs(@PathParam("source") String source, @PathParam("connector") String connector,
            @Parameter(description = "most runs to return, 1-500") @QueryParam("limit") @DefaultValue("50") @Min(value = 1, message = LIMIT_RULE) @Max(value = 500, message = LIMIT_RULE) int limit) {
        requireWholeTenant();
        return connectors.runs(caller.tenant(), source, connector, limit);
    }

    @POST
    @Path("/run")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run the connector now", description = "Enabled or not. Answers 200 with the run when it "
            + "ends within the wait (scrapline.connectors.run-now-wait), else 202 with the run still running.")
    @APIResponse(responseCode = "200", description = "The run ended (succeeded or failed)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectorRun.class), examples = @ExampleObject(name = "run", value = RUN_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "The run goes on; see the run log", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectorRun.class)))
    @APIResponse(responseCode = "404", description = "No such connector for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The connector is running already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> run(@PathParam("source") String source, @PathParam("connector") String connector) {
        if (!source.matches(ConnectorDefinition.NAME) || !connector.matches(ConnectorDefinition.NAME)) {
            throw new NotFoundProblem("no connector " + connector + " of source " + source);
        }
        requireWholeTenant();
        return connectors.runNow(caller.tenant(), source, connector)
                .map(started -> Response.status(started.finished() ? 200 : 202).entity(started.run())
                        .location(URI.create(path(source, connector) + "/runs")).build());
    }

    private static String path(String source, String connector) {
        return "/api/v1/sources/" + source + "/connectors/" + connector;
    }

    /** A connector feeds any plant and its runs' log names any plant's records: only a whole-tenant token uses it. */
    private void requireWholeTenant() {
        caller.scope().requireWholeTenant("a connector");
    }
}
