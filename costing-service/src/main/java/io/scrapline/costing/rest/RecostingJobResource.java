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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.scrapline.costing.service.RecostingService;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.problem.Problem;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/recosting-jobs")
@Tag(name = "Re-costing", description = "Re-costing the events of an open period after a correction, as jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER })
public class RecostingJobResource {

    private static final String JOB = """
            {"id": 42, "plant": "DAY1", "period": "2026-10", "reason": "cost roll of 100-4471-A corrected",
             "status": "running", "total_events": 1000000, "done_events": 415000, "parts": 200, "done_parts": 83,
             "requested_by": "maria@acme.example", "claimed_by": "costing-7d9f-2c41aa0e", "last_error": null,
             "created_at": "2026-10-31T17:02:11Z", "started_at": "2026-10-31T17:02:12Z", "finished_at": null}""";

    private final RecostingService recosting;
    private final Caller caller;

    public RecostingJobResource(RecostingService recosting, Caller caller) {
        this.recosting = recosting;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-cost the events of an open plant-period", description = "Queues a job that re-costs "
            + "every current event of the plant-period with the reference data in force now (cost rolls, "
            + "cross-references, the approved cost schema), in parts of events that any replica works on. If a job "
            + "for the plant-period is queued already, that job is returned. A closed period is refused: its "
            + "figures are frozen.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "request", value = """
            {"plant": "DAY1", "period": "2026-10", "reason": "cost roll of 100-4471-A corrected"}""")))
    @APIResponse(responseCode = "202", description = "Queued; poll its progress", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecostingRequests.Job.class), examples = @ExampleObject(name = "job", value = JOB)))
    @APIResponse(responseCode = "404", description = "No such plant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The period is closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Plant, period or reason missing or invalid, each named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> request(RecostingRequests.Request request) {
        RecostingRequests.Request body = request == null ? new RecostingRequests.Request(null, null, null) : request;
        return recosting
                .request(caller.tenant(), caller.scope(), caller.name(), body.plant(), body.period(), body.reason())
                .map(RecostingRequests.Job::of)
                .map(job -> Response.accepted(job).location(URI.create("/api/v1/recosting-jobs/" + job.id())).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A re-costing job and its progress")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecostingRequests.Job.class), examples = @ExampleObject(name = "job", value = JOB)))
    @APIResponse(responseCode = "404", description = "No such job of the tenant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RecostingRequests.Job> job(@PathParam("id") String id) {
        if (!id.matches("[0-9]{1,18}")) {
            throw new NotFoundProblem("no re-costing job " + id);
        }
        return recosting.job(caller.tenant(), caller.scope(), Long.parseLong(id)).map(RecostingRequests.Job::of);
    }

    @GET
    @Operation(summary = "Re-costing jobs, newest first", description = "status: queued, running, done or failed; "
            + "every status when left out.")
    public Uni<List<RecostingRequests.Job>> jobs(@QueryParam("status") String status) {
        return recosting.jobs(caller.tenant(), caller.scope(), status)
                .map(all -> all.stream().map(RecostingRequests.Job::of).toList());
    }
}
