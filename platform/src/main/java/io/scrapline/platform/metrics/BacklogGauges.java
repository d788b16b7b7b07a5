package io.scrapline.platform.metrics;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps the gauges of every {@link Backlog} a service declares: every replica counts them on a schedule
 * ({@code scrapline.metrics.refresh}) and its gauges show the last counts, so that a scrape never waits for the
 * database. Each replica shows the whole backlog, not its own share: a query over several replicas takes their
 * {@code max}, not their {@code sum}. A count that fails keeps the gauge at its last value until the next one succeeds.
 */
@ApplicationScoped
public class BacklogGauges {

    static final String JOB = "backlog-gauges";

    private final Pool pool;
    private final MeterRegistry registry;
    private final Scheduler scheduler;
    private final MetricsConfig config;
    private final Instance<Backlog> backlogs;
    private final Map<String, Map<Tags, AtomicLong>> values = new ConcurrentHashMap<>();

    public BacklogGauges(Pool pool, MeterRegistry registry, Scheduler scheduler, MetricsConfig config,
            @Any Instance<Backlog> backlogs) {
        this.pool = pool;
        this.registry = registry;
        this.scheduler = scheduler;
        this.config = config;
        this.backlogs = backlogs;
    }

    void schedule(@Observes StartupEvent event) {
        if (backlogs.isUnsatisfied()) {
            return;
        }
        // "off" leaves the job unscheduled, as it does a sweep.
        scheduler.newJob(JOB).setInterval(config.refresh()).setConcurrentExecution(ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> refresh()).schedule();
    }

    /** Counts every backlog now and sets its gauges; a backlog whose count fails is logged and keeps its values. */
    public Uni<Void> refresh() {
        return Multi.createFrom().iterable(backlogs).onItem()
                .transformToUniAndConcatenate(backlog -> count(backlog).onFailure().recoverWithUni(failure -> {
                    Log.warnf(failure, "counting the backlog %s failed; its gauge keeps its last value",
                            backlog.name());
                    return Uni.createFrom().voidItem();
                })).collect().last().replaceWithVoid();
    }

    private Uni<Void> count(Backlog backlog) {
        boolean byTenant = config.tenantLabels();
        // The function's name is checked by Backlog: it can only name a backlog_* function.
        return pool.preparedQuery("SELECT tenant_id, state, backlog FROM " + backlog.function() + "($1)")
                .execute(Tuple.of(byTenant)).invoke(rows -> set(backlog, byTenant, rows)).replaceWithVoid();
    }

    private void set(Backlog backlog, boolean byTenant, Iterable<Row> rows) {
        Map<Tags, AtomicLong> gauges = values.computeIfAbsent(backlog.name(), name -> new ConcurrentHashMap<>());
        Set<Tags> counted = new HashSet<>();
        for (Row row : rows) {
            Tags tags = tags(backlog, byTenant ? row.getString(0) : null, row.getString(1));
            gauge(backlog, gauges, tags).set(row.getLong(2));
            counted.add(tags);
        }
        if (!byTenant) {
            for (String state : stateList(backlog)) {
                Tags tags = tags(backlog, null, state);
                if (!counted.contains(tags)) {
                    gauge(backlog, gauges, tags).set(0);
                    counted.add(tags);
                }
            }
        }
        // A tenant, or a state, whose backlog is gone shows zero rather than its last count.
        gauges.forEach((tags, value) -> {
            if (!counted.contains(tags)) {
                value.set(0);
            }
        });
    }

    /** The states a backlog always shows; one without states shows its one count. */
    private static List<String> stateList(Backlog backlog) {
        return backlog.stateTag() == null ? Collections.singletonList(null) : backlog.states();
    }

    private static Tags tags(Backlog backlog, String tenant, String state) {
        Tags tags = Tags.empty();
        if (tenant != null) {
            tags = tags.and("tenant", tenant);
        }
        if (backlog.stateTag() != null && state != null) {
            tags = tags.and(backlog.stateTag(), state);
        }
        return tags;
    }

    private AtomicLong gauge(Backlog backlog, Map<Tags, AtomicLong> gauges, Tags tags) {
        return gauges.computeIfAbsent(tags, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(backlog.name(), value, AtomicLong::doubleValue).description(backlog.description()).tags(key)
                    .strongReference(true).register(registry);
            return value;
        });
    }
}
