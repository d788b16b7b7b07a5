package io.scrapline.costing.config;

import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

import io.scrapline.costing.domain.ScrapMethod;
import io.scrapline.platform.job.RetryConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "scrapline.costing")
public interface CostingConfig {

    /** Records costed in one transaction; bounds memory and lock time of a run. */
    @WithDefault("2000")
    int chunkSize();

    /**
     * Scrap valuation method until tenants have approved cost schemas (docs/cost-model.md §10); the model's default.
     */
    @WithDefault("cumulative_standard")
    String scrapMethod();

    /** Rounding of each event's amount to the currency's minor unit: half_up (default) or half_even. */
    @WithDefault("half_up")
    String rounding();

    /**
     * The longest a run costing a bulk of records (a full chunk after a full chunk) waits before its next chunk while
     * runs of small batches are under way on the replica, so that a single event is costed first; {@code 0s} never
     * waits.
     */
    @WithDefault("1s")
    Duration bulkYield();

    /** How often one replica of the cluster looks for records no prompt got costed. */
    @WithDefault("15s")
    String sweepEvery();

    /** How often each replica works on queued re-costing jobs; {@code off} to leave them to other replicas. */
    @WithDefault("2s")
    String recostEvery();

    /**
     * Parts each replica re-costs at the same time, each in its own transaction: while one part waits for the database,
     * another is valued.
     */
    @WithDefault("4")
    int recostWorkers();

    /** Events a re-costing part takes, all re-costed in one transaction. */
    @WithDefault("5000")
    int recostPartSize();

    /** How long a claimed part may run before another replica may take it over (its replica is presumed gone). */
    @WithDefault("PT5M")
    Duration recostLease();

    /** Attempts at a part before it, and its job, are left failed with the last error. */
    @WithDefault("3")
    int recostAttempts();

    /**
     * How long a part whose re-cost failed waits before its next attempt ({@code recost-retry.first-delay}, doubled
     * after each further failure up to {@code recost-retry.max-delay}), so that what failed it may pass meanwhile.
     */
    RetryConfig recostRetry();

    /** The most jobs a list of re-costing jobs returns, newest first. */
    @WithDefault("200")
    int recostListLimit();

    /**
     * The roles whose approval a cost-schema version needs before costing uses it (docs/cost-model.md §10), each given
     * by a different person: the quality manager's and the controller's, as the owners of the schema. A caller holding
     * several is counted for the first, in this order, that nobody has approved yet. One role makes one approval
     * enough.
     */
    @WithDefault("quality,controller")
    List<String> schemaApprovalRoles();

    default ScrapMethod method() {
        return ScrapMethod.valueOf(scrapMethod().toUpperCase());
    }

    default RoundingMode roundingMode() {
        return RoundingMode.valueOf(rounding().toUpperCase());
    }
}
