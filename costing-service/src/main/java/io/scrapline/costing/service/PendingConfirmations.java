package io.scrapline.costing.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.config.CostingConfig;
import io.scrapline.costing.domain.ConfirmationRecord;
import io.scrapline.costing.domain.EventCosting;
import io.scrapline.costing.domain.VarianceDelta;
import io.scrapline.costing.domain.VarianceOutcome;
import io.scrapline.costing.repository.PendingRecordRepository;
import io.scrapline.costing.repository.ReferenceRepository;
import io.scrapline.costing.repository.VarianceRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Operation confirmations not valued yet, costed alone: their scrap split into planned and unplanned and the variance
 * valued; the scrap variances of plant, period, part and operation change in the same transaction. A confirmation is
 * not a costed event: a run's counts leave it out.
 */
@ApplicationScoped
public class PendingConfirmations implements PendingKind<ConfirmationRecord> {

    private final PendingRecordRepository pending;
    private final ReferenceRepository reference;
    private final VarianceRepository variances;
    private final CostSchemaService schemas;
    private final CostingConfig config;

    public PendingConfirmations(PendingRecordRepository pending, ReferenceRepository reference,
            VarianceRepository variances, CostSchemaService schemas, CostingConfig config) {
        this.pending = pending;
        this.reference = reference;
        this.variances = variances;
        this.schemas = schemas;
        this.config = config;
    }

    @Override
    public Uni<List<ConfirmationRecord>> find(SqlConnection connection, long afterRecordId) {
        return pending.confirmations(connection, afterRecordId, config.chunkSize());
    }

    @Override
    public boolean alone() {
        return true;
    }

    @Override
    public long recordId(ConfirmationRecord record) {
        return record.recordId();
    }

    @Override
    public Uni<Costed> cost(SqlConnection connection, List<ConfirmationRecord> records) {
        return Uni.combine().all().unis(schemas.inForce(connection), reference.forConfirmations(connection, records))
                .asTuple().chain(found -> {
                    EventCosting costing = new EventCosting(found.getItem1());
                    List<VarianceOutcome> outcomes = records.stream()
                            .map(record -> costing.costConfirmation(record, found.getItem2())).toList();
                    VarianceDelta delta = new VarianceDelta();
                    PendingKind.only(outcomes, VarianceOutcome.Valued.class)
                            .forEach(v -> delta.add(
                                    new VarianceDelta.Key(v.record().plant(), v.period(), v.record().part(),
                                            v.record().operation()),
                                    v.result().plannedQuantity(), v.result().unplannedQuantity(),
                                    v.result().varianceQuantity(), v.result().value(), 1));
                    return variances.supersedeEarlierVersions(connection, records, delta)
                            .chain(() -> variances.upsertConfirmations(connection, outcomes)).chain(() -> variances
                                    .applyVariances(connection, delta.bookedIn(found.getItem2()::bookingPeriod)))
                            .replaceWith(Costed.nothing());
                });
    }
}
