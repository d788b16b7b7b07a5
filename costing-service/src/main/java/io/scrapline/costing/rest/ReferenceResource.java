package io.scrapline.costing.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.scrapline.costing.domain.ReferenceInputs;
import io.scrapline.costing.rest.ReferenceRequests.DefectCode;
import io.scrapline.costing.rest.ReferenceRequests.DefectCodeXref;
import io.scrapline.costing.rest.ReferenceRequests.PartXref;
import io.scrapline.costing.service.ReferenceService;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1")
@Tag(name = "Reference data", description = "Plants, cross-references and the defect-code catalog")
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferenceResource {

    private static final String KEY = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final ReferenceService reference;
    private final Caller caller;

    public ReferenceResource(ReferenceService reference, Caller caller) {
        this.reference = reference;
        this.caller = caller;
    }

    @PUT
    @Path("/plants/{plant}")
    @Operation(summary = "Register or update a plant", description = "Its currency (ISO 4217), IANA time zone and "
            + "fiscal calendar decide the money and the period of every event of the plant. fiscal_calendar is "
            + "calendar (periods YYYY-MM, the default) or 4-4-5@YYYY-MM-DD, 4-5-4@YYYY-MM-DD or 5-4-4@YYYY-MM-DD: "
            + "52-week years from that first day of a fiscal year, periods YYYY-Pnn named for the year they end in.")
    @RequestBody(content = @Content(examples = { @ExampleObject(name = "plant", value = """
            {"name": "Dayton Machining", "currency": "USD", "time_zone": "America/New_York",
             "fiscal_calendar": "calendar"}"""), @ExampleObject(name = "plant with a 4-4-5 calendar", value = """
            {"name": "Toledo Stamping", "currency": "USD", "time_zone": "America/New_York",
             "fiscal_calendar": "4-4-5@2025-12-29"}""") }))
    @APIResponse(responseCode = "204", description = "Stored")
    @APIResponse(responseCode = "422", description = "Invalid fields, each named")
    public Uni<Void> putPlant(@PathParam("plant") @Pattern(regexp = KEY) String plant,
            @NotNull ReferenceRequests.PlantRequest request) {
        return reference.putPlant(caller.tenant(), caller.scope(), plant, new ReferenceInputs.Plant(request.name(),
                request.currency(), request.timeZone(), request.fiscalCalendar()));
    }

    @PUT
    @Path("/sources/{source}/part-xref")
    @Operation(summary = "Map a source's part numbers to ERP parts", description = "Entries are upserted by source "
            + "part and effective date; waiting events are re-costed.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "xref", value = """
            [{"source_part": "MFG-4471", "part": "100-4471-A", "effective_from": "2026-01-01"}]""")))
    @APIResponse(responseCode = "204", description = "Stored")
    public Uni<Void> putPartXref(@PathParam("source") @Pattern(regexp = KEY) String source,
            @NotNull List<@Valid @NotNull PartXref> xrefs) {
        return reference.putPartXrefs(caller.tenant(), caller.scope(), source, xrefs.stream()
                .map(x -> new ReferenceInputs.PartXref(x.sourcePart(), x.part(), x.effectiveFrom())).toList());
    }

    @PUT
    @Path("/sources/{source}/defect-code-xref")
    @Operation(summary = "Map a source's defect codes to catalogued codes")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "xref", value = """
            [{"source_code": "D-114", "defect_code": "MACH-DIM"}]""")))
    @APIResponse(responseCode = "204", description = "Stored")
    public Uni<Void> putDefectCodeXref(@PathParam("source") @Pattern(regexp = KEY) String source,
            @NotNull List<@Valid @NotNull DefectCodeXref> xrefs) {
        return reference.putDefectCodeXrefs(caller.tenant(), caller.scope(), source,
                xrefs.stream().map(x -> new ReferenceInputs.DefectCodeXref(x.sourceCode(), x.defectCode())).toList());
    }

    @PUT
    @Path("/defect-codes")
    @Operation(summary = "Add or update catalogued defect codes", description = "Each with its category and "
            + "cost-of-quality class.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "codes", value = """
            [{"code": "MACH-DIM", "description": "Dimension out of tolerance", "category": "machining",
              "coq_class": "internal_failure"}]""")))
    @APIResponse(responseCode = "204", description = "Stored")
    public Uni<Void> putDefectCodes(@NotNull List<@Valid @NotNull DefectCode> codes) {
        return reference.putDefectCodes(caller.tenant(), caller.scope(),
                codes.stream()
                        .map(c -> new ReferenceInputs.DefectCode(c.code(), c.description(), c.category(), c.coqClass()))
                        .toList());
    }
}
