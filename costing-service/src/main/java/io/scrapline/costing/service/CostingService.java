package io.scrapline.costing.service;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;
import io.scrapline.costing.client.AlertClient;
import io.scrapline.costing.client.ReferenceNoticeClient;
import io.scrapline.costing.config.CostingConfig;
import io.scrapline.costing.domain.RollupDelta;
import io.scrapline.costing.domain.Touched;
import io.scrapline.costing.repository.CostedEventWriteRepository;
import io.scrapline.costing.repository.CostingLockRepository;
import io.scrapline.costing.repository.PendingRecordRepository;
import io.scrapline.costing.repository.ReferenceRepository;
import io.scrapline.costing.repository.RollupRepository;
import io.scrapline.platform.api.AlertPrompt;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Costs every record version of a tenant that has no current costed event, a chunk per transaction: costed events,
 * exceptions and rollups of a chunk commit together.
 * <p>
 * A run first re-opens the events whose inputs changed (an NCR's new disposition, rework hours that arrived, a new
 * version of hours already costed), then costs defect records, then the rework hours that no defect record covers, then
 * splits the scrap of operation confirmations into planned and unplanned: each a {@link PendingKind}, driven by the
 * same loop.
 */
@ApplicationScoped
public class CostingService {

    /** What one run did, and what it moved: the events' plants, periods, lines, shifts, codes and times. */
    public record Run(int costed, int exceptions, Touched touched) {

        static Run empty() {
            return new Run(0, 0, new Touched());
        }

        Run plus(Chunk chunk) {
            touched.addAll(chunk.costed().touched());
            return new Run(costed + chunk.costed().costed(), exceptions + chunk.costed().exceptions(), touched);
        }
    }

    /** A chunk's progress: the last record it looked at, how many it looked at, and what costing them wrote. */
    private record Chunk(long lastRecordId, int records, PendingKind.Costed costed) {

        static Chunk none(long afterRecordId) {
            return new Chunk(afterRecordId, 0, PendingKind.Costed.nothing());
        }
    }

    private static final String DEFECTS = "defects";

    private final TenantDb db;
    private final CostingLockRepository locks;
    private final PendingRecordRepository pending;
    private final CostedEventWriteRepository eventWrites;
    private final ReferenceRepository reference;
    private final RollupRepository rollups;
    private final DefectAndReworkCosting events;
    private final PendingConfirmations confirmations;
    private final AlertClient alerts;
    private final ReferenceNoticeClient notices;
    private final SmallRunsFirst smallRunsFirst;
    private final CostingConfig config;

    public CostingService(TenantDb db, CostingLockRepository locks, PendingRecordRepository pending,
            CostedEventWriteRepository eventWrites, ReferenceRepository reference, RollupRepository rollups,
            DefectAndReworkCosting events, PendingConfirmations confirmations, @RestClient AlertClient alerts,
            @RestClient ReferenceNoticeClient notices, SmallRunsFirst smallRunsFirst, CostingConfig config) {
        this.db = db;
        this.locks = locks;
        this.pending = pending;
        this.eventWrites = eventWrites;
        this.reference = reference;
        this.rollups = rollups;
        this.events = events;
        this.confirmations = confirmations;
        this.alerts = alerts;
        this.notices = notices;
        this.smallRunsFirst = smallRunsFirst;
        this.config = config;
    }

    /**
     * Costs everything pending for the tenant; if {@code promptAlerts}, prompts alerts for what changed. Whatever it
     * parks for want of a cross-reference is told to alert-service in any case, for the notices of new source values.
     */
    public Uni<Run> run(String tenant, boolean promptAlerts) {
        return run(tenant, promptAlerts, null, null);
    }

    /**
     * Fire and forget, after reference data committed: costs the tenant's waiting events, so that supplying what they
     * waited for closes their exceptions. What a failed run leaves, the sweep finds.
     */
    public void costWaiting(String tenant) {
        run(tenant, false).subscribe().with(run -> Log.infof("re-costed %d waiting events of %s", run.costed(), tenant),
                failure -> Log.warnf("re-costing %s failed (the sweep retries): %s", tenant, failure.getMessage()));
    }

    /**
     * Costs what ingest batch {@code batchId} of {@code recordType} calls for; if {@code promptAlerts}, prompts alerts
     * for what changed.
     * <p>
     * A batch of defect records: its records only, side by side with other batches and re-costing parts (the tenant's
     * costing lock taken shared), so that a single event is costed within a second even while a bulk load is costed.
     * Anything else (rework hours, NCRs, cost rolls, confirmations, or no batch named): everything pending, unless
     * another run of the tenant is doing that already (what one leaves, the sweep finds).
     */
    public Uni<Run> run(String tenant, boolean promptAlerts, UUID batchId, String recordType) {
        Uni<Run> run;
        if (batchId != null && (recordType == null || recordType.equals(DEFECTS))) {
            SmallRunsFirst.Ticket ticket = smallRunsFirst.start();
            run = drain(tenant, events.defects(batchId), 0, Run.empty(), ticket).eventually(ticket::release);
        } else if (batchId != null) {
            AtomicReference<Run> all = new AtomicReference<>(Run.empty());
            run = db.onceInCluster("costing-rest:" + tenant,
                    () -> everything(tenant).invoke(all::set).replaceWithVoid()).map(ran -> all.get());
        } else {
            run = everything(tenant);
        }
        return run.invoke(done -> {
            if (promptAlerts) {
                promptAlerts(tenant, done);
            }
            promptNotices(tenant, done);
        });
    }

    /** Re-opens what changed, then costs the defect records, the rework hours and the confirmations pending. */
    private Uni<Run> everything(String tenant) {
        return db.inTenant(tenant, this::reopen).chain(() -> drain(tenant, events.defects(null), 0, Run.empty(), null))
                .chain(run -> drain(tenant, events.reworkHours(), 0, run, null))
                .chain(run -> drain(tenant, confirmations, 0, run, null));
    }

    /**
     * Supersedes the events whose inputs changed, in one transaction with their rollups, so they are costed again
     * (their records queued anew). The reversal of an event of a period closed since is booked in the open period,
     * where its re-cost lands too.
     */
    private Uni<Void> reopen(SqlConnection connection) {
        RollupDelta delta = new RollupDelta();
        return locks.lockTenantShared(connection).chain(() -> eventWrites.reopenStale(connection, delta))
                .chain(reopened -> delta.isEmpty() ? Uni.createFrom().voidItem()
                        : reference.closedPeriods(connection, delta)
                                .chain(booking -> rollups.apply(connection, delta.bookedIn(booking::bookingPeriod))));
    }

    /**
     * Costs the records of {@code kind} after {@code afterRecordId}, a chunk per transaction, until none is left. After
     * a full chunk the run is a bulk one: it releases its {@code ticket} (a batch's run; null for any other) and lets
     * the small runs under way go first before each further chunk.
     */
    private <T> Uni<Run> drain(String tenant, PendingKind<T> kind, long afterRecordId, Run soFar,
            SmallRunsFirst.Ticket ticket) {
        return db.inTenant(tenant, connection -> chunk(connection, kind, afterRecordId)).chain(chunk -> {
            if (chunk.records() == 0) {
                return Uni.createFrom().item(soFar);
            }
            Uni<Void> turn = Uni.createFrom().voidItem();
            if (chunk.records() >= config.chunkSize()) {
                if (ticket != null) {
                    ticket.release();
                }
                turn = smallRunsFirst.turn();
            }
            return turn.chain(() -> drain(tenant, kind, chunk.lastRecordId(), soFar.plus(chunk), ticket));
        });
    }

    /**
     * Costs the next chunk of {@code kind}. It is looked for before the tenant's costing lock is taken, so that a run
     * with nothing of a kind to cost neither waits for, nor holds up, the batches being costed. Held shared, the lock
     * lets runs of defect records go on side by side, and the records another run costed meanwhile are left out; held
     * alone, the chunk is looked for again.
     */
    private <T> Uni<Chunk> chunk(SqlConnection connection, PendingKind<T> kind, long afterRecordId) {
        return kind.find(connection, afterRecordId).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Chunk.none(afterRecordId));
            }
            if (kind.alone()) {
                return locks.lockTenant(connection).chain(() -> kind.find(connection, afterRecordId))
                        .chain(again -> again.isEmpty() ? Uni.createFrom().item(Chunk.none(afterRecordId))
                                : cost(connection, kind, again, again));
            }
            return locks.lockTenantShared(connection).chain(() -> kind.stillPending(connection, found))
                    .chain(still -> cost(connection, kind, found, still));
        });
    }

    /** Costs {@code toCost}, those of the chunk {@code looked} at that still wait. */
    private <T> Uni<Chunk> cost(SqlConnection connection, PendingKind<T> kind, List<T> looked, List<T> toCost) {
        long last = kind.recordId(looked.get(looked.size() - 1));
        if (toCost.isEmpty()) {
            return Uni.createFrom().item(new Chunk(last, looked.size(), PendingKind.Costed.nothing()));
        }
        return kind.cost(connection, toCost).map(costed -> new Chunk(last, looked.size(), costed));
    }

    /** Fire and forget, with this service's token for the tenant: what a prompt misses, the alert sweep finds. */
    private void promptAlerts(String tenant, Run run) {
        for (AlertPrompt prompt : run.touched().prompts()) {
            alerts.prompt(tenant, prompt).subscribe().with(ok -> {
            }, failure -> Log.warnf("alerts were not prompted for %s %s (their sweep will catch up): %s",
                    prompt.plant(), prompt.period(), failure.getMessage()));
        }
    }

    /**
     * Fire and forget, after the commit, like the alerts' prompt: the source values the run parked events of for want
     * of a cross-reference. What a lost prompt misses, alert-service's own sweep finds in the exceptions.
     */
    private void promptNotices(String tenant, Run run) {
        run.touched().unmappedPrompt().ifPresent(prompt -> notices.parked(tenant, prompt).subscribe().with(ok -> {
        }, failure -> Log.warnf(
                "alert-service was not told of %d unmapped source values of %s (its sweep will " + "catch up): %s",
                prompt.values().size(), tenant, failure.getMessage())));
    }
}
