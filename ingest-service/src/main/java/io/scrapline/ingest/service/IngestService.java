package io.scrapline.ingest.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;
import io.scrapline.ingest.client.CostingClient;
import io.scrapline.ingest.domain.BatchSummary;
import io.scrapline.ingest.domain.RecordType;
import io.scrapline.ingest.domain.RecordValidator;
import io.scrapline.ingest.domain.ValidRecord;
import io.scrapline.ingest.repository.BatchRepository;
import io.scrapline.ingest.repository.RecordRepository;
import io.scrapline.platform.api.CostingPrompt;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;

/** Validates a batch, lands it in one transaction, and after the commit prompts costing. */
@ApplicationScoped
public class IngestService {

    private final TenantDb db;
    private final RecordRepository records;
    private final BatchRepository batches;
    private final CostingClient costing;

    public IngestService(TenantDb db, RecordRepository records, BatchRepository batches,
            @RestClient CostingClient costing) {
        this.db = db;
        this.records = records;
        this.batches = batches;
        this.costing = costing;
    }

    /**
     * Ingests one batch. All-or-nothing unless {@code partial}: any error rejects the whole batch with every error
     * listed and nothing stored.
     */
    public Uni<BatchSummary> ingest(Caller caller, String source, RecordType type, List<Map<String, String>> rows,
            boolean partial, boolean ignoreUnknown) {
        RecordValidator.Result result = new RecordValidator(type, ignoreUnknown).validate(rows);
        String tenant = caller.tenant();
        Uni<BatchSummary> landed = db.inTenant(tenant, connection -> {
            Set<String> plants = result.valid().stream().map(r -> r.text("plant")).collect(Collectors.toSet());
            return records.knownPlants(connection, plants).chain(known -> {
                List<FieldError> errors = new ArrayList<>(result.errors());
                List<ValidRecord> valid = new ArrayList<>();
                int rejected = result.rejectedRows();
                for (ValidRecord record : result.valid()) {
                    if (known.contains(record.text("plant"))) {
                        valid.add(record);
                    } else {
                        errors.add(new FieldError(record.row(), "plant", "unknown plant " + record.text("plant")));
                        rejected++;
                    }
                }
                errors.sort(Comparator.comparing(FieldError::row, Comparator.nullsFirst(Comparator.naturalOrder())));
                if (!errors.isEmpty() && !partial) {
                    throw new InvalidInputException(rejected + " of " + rows.size() + " rows are invalid; nothing "
                            + "of this batch was stored", errors);
                }
                UUID batchId = UUID.randomUUID();
                BatchSummary started = new BatchSummary(batchId, type.path(), rows.size(), 0, 0, 0, rejected,
                        errors, null);
                int rejectedRows = rejected;
                return batches.touchSource(connection, source)
                        .chain(() -> batches.insert(connection, started, source))
                        .chain(() -> records.land(connection, type, source, batchId, valid))
                        .chain(stored -> {
                            BatchSummary summary = new BatchSummary(batchId, type.path(), rows.size(),
                                    stored.inserted(), valid.size() - stored.inserted() - stored.updated(),
                                    stored.updated(), rejectedRows, errors, null);
                            return batches.updateCounts(connection, summary).replaceWith(summary);
                        });
            });
        });
        return landed.invoke(summary -> {
            if (summary.accepted() + summary.updated() > 0) {
                prompt(caller.bearer(), new CostingPrompt(summary.batchId(), type.path()));
            }
        });
    }

    public Uni<BatchSummary> batch(Caller caller, UUID batchId) {
        return db.inTenant(caller.tenant(), connection -> batches.find(connection, batchId))
                .map(found -> found.orElseThrow(() -> new NotFoundProblem("no batch " + batchId)));
    }

    /** Fire and forget: if costing-service is down, its sweep finds the records in the database. */
    private void prompt(String bearer, CostingPrompt prompt) {
        costing.prompt(bearer, prompt).subscribe().with(ok -> {
        }, failure -> Log.warnf("costing was not prompted for batch %s (its sweep will pick it up): %s",
                prompt.batchId(), failure.getMessage()));
    }
}
