package io.scrapline.costing.service;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import io.scrapline.costing.config.CostingConfig;
import io.scrapline.costing.domain.CostSchema;
import io.scrapline.costing.domain.CostSchemaDraft;
import io.scrapline.costing.domain.CostSchemaVersion;
import io.scrapline.costing.domain.SchemaApproval;
import io.scrapline.costing.repository.CostSchemaApprovalRepository;
import io.scrapline.costing.repository.CostSchemaRepository;
import io.scrapline.costing.repository.RecostingRepository;
import io.scrapline.costing.repository.ReferenceRepository;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.problem.ConflictProblem;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The lifecycle of the tenant's cost schema (docs/cost-model.md §10): drafts, the owners' approvals of a draft, and the
 * approval that completes them ({@link CostingConfig#schemaApprovalRoles()}), which supersedes the version approved
 * before. That approval queues, in its transaction, a re-cost of every open plant-period with events, so that they are
 * valued with the approved version; events of closed periods keep the version they name.
 */
@ApplicationScoped
public class CostSchemaService {

    private final TenantDb db;
    private final CostSchemaRepository repository;
    private final CostSchemaApprovalRepository approvals;
    private final ReferenceRepository reference;
    private final RecostingRepository recosting;
    private final CostingConfig config;

    public CostSchemaService(TenantDb db, CostSchemaRepository repository, CostSchemaApprovalRepository approvals,
            ReferenceRepository reference, RecostingRepository recosting, CostingConfig config) {
        this.db = db;
        this.repository = repository;
        this.approvals = approvals;
        this.reference = reference;
        this.recosting = recosting;
        this.config = config;
    }

    /**
     * Stores the draft {@code read} from a request ({@link CostSchemaDraft#read}); its errors are answered with 422.
     */
    public Uni<CostSchemaVersion> createDraft(String tenant, Scope scope, String createdBy, CostSchemaDraft.Read read) {
        scope.requireWholeTenant("a cost schema");
        if (!read.errors().isEmpty()) {
            List<FieldError> errors = read.errors().entrySet().stream()
                    .map(e -> new FieldError(null, e.getKey(), e.getValue())).toList();
            throw new InvalidInputException("the cost schema is invalid", errors);
        }
        return db.inTenant(tenant, connection -> reference.tenantExists(connection).chain(exists -> {
            if (!exists) {
                throw new InvalidInputException("tenant", "register a plant first: the tenant has none");
            }
            return repository.lockTenant(connection)
                    .chain(() -> repository.insertDraft(connection, read.schema(), createdBy));
        })).invoke(stored -> Log.infof("cost schema %d of %s drafted by %s", stored.schema().version(), tenant,
                createdBy));
    }

    /**
     * Records {@code approvedBy}'s approval of draft {@code version} under one of the required roles the caller holds
     * ({@code callerRoles}). The version stays a draft until every required role has approved it; the approval that
     * completes them approves it: the version approved until now is superseded, and re-costs of the open periods
     * queued, in the same transaction.
     *
     * @throws ForbiddenException
     *             for a caller with none of the required roles
     * @throws ConflictProblem
     *             when the caller approved the version already, or its roles have approved it already
     */
    public Uni<CostSchemaVersion> approve(String tenant, Scope scope, int version, String approvedBy,
            Set<String> callerRoles) {
        // Approval re-costs the open periods of every plant: a token limited to some may not set that off.
        scope.requireWholeTenant("approving a cost schema");
        List<String> required = config.schemaApprovalRoles();
        return db.inTenant(tenant, connection -> repository.lockTenant(connection)
                .chain(() -> repository.findForUpdate(connection, version)).chain(found -> {
                    CostSchemaVersion stored = found
                            .orElseThrow(() -> new NotFoundProblem("no cost schema version " + version));
                    if (!stored.status().equals("draft")) {
                        throw new ClientErrorException("cost schema version " + version + " is " + stored.status()
                                + "; only a draft can be approved", Response.Status.CONFLICT);
                    }
                    return approvals.of(connection, version).chain(given -> {
                        SchemaApproval.Result result = SchemaApproval.decide(required, given, approvedBy, callerRoles);
                        if (result.refusal() != null) {
                            throw result.refusal().forbidden() ? new ForbiddenException(result.refusal().detail())
                                    : new ConflictProblem(result.refusal().detail());
                        }
                        SchemaApproval.Decision decision = result.decision();
                        Uni<CostSchemaVersion> approved = !decision.complete() ? Uni.createFrom().item(stored)
                                : repository.approve(connection, version, approvedBy)
                                        .call(() -> recosting.enqueueOpenPeriods(connection,
                                                "cost schema version " + version + " approved", approvedBy));
                        return approvals.record(connection, version, decision.role(), approvedBy).chain(() -> approved)
                                .chain(v -> withApprovals(connection, v))
                                .invoke(v -> Log.infof("cost schema %d of %s approved by %s as %s%s", version, tenant,
                                        approvedBy, decision.role(), decision.complete() ? ", in force" : ""));
                    });
                }));
    }

    /** Every version, newest first, each with its approvals. */
    public Uni<List<CostSchemaVersion>> list(String tenant) {
        return db.inTenant(tenant,
                connection -> repository.list(connection).chain(versions -> approvals.all(connection)
                        .map(byVersion -> versions.stream()
                                .map(v -> v.withApprovals(byVersion.getOrDefault(v.schema().version(), List.of())))
                                .toList())));
    }

    public Uni<CostSchemaVersion> get(String tenant, int version) {
        return db.inTenant(tenant,
                connection -> repository.find(connection, version).chain(found -> withApprovals(connection,
                        found.orElseThrow(() -> new NotFoundProblem("no cost schema version " + version)))));
    }

    private Uni<CostSchemaVersion> withApprovals(SqlConnection connection, CostSchemaVersion version) {
        return approvals.of(connection, version.schema().version()).map(version::withApprovals);
    }

    /**
     * The schema costing values with now, read in the connection's transaction: per chunk, so that an approval takes
     * effect from the next chunk on and every event of a chunk names the version it was costed with.
     */
    public Uni<CostSchema> inForce(SqlConnection connection) {
        return repository.approved(connection).map(approved -> approved.orElseGet(this::defaults));
    }

    /** Version {@code version} of the schema, as an event costed with it names it (null: the defaults). */
    public Uni<CostSchema> version(SqlConnection connection, Integer version) {
        return version == null ? Uni.createFrom().item(defaults())
                : repository.find(connection, version)
                        .map(found -> found.map(CostSchemaVersion::schema).orElseGet(this::defaults));
    }

    /** The model's defaults with the configured method and rounding, what costs while no schema is approved. */
    private CostSchema defaults() {
        return CostSchema.defaults(config.method(), config.roundingMode());
    }
}
