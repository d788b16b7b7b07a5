package io.scrapline.alert.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.scrapline.alert.domain.DistributionRecord;
import io.scrapline.alert.domain.DistributionSchedule;
import io.scrapline.alert.domain.Subscription;
import io.scrapline.alert.repository.DistributionLogRepository;
import io.scrapline.alert.repository.DistributionRunRepository;
import io.scrapline.alert.repository.SubscriptionRepository;
import io.scrapline.platform.api.DistributionPrompt;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.period.FiscalCalendar;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;

/**
 * Queues the runs of distributions as they fall due (daily and weekly on the schedule, once per cluster; month-end when
 * a close hands its period over, and on the schedule for a close whose prompt was lost), and reads the log of them.
 */
@ApplicationScoped
public class DistributionService {

    private final TenantDb db;
    private final SubscriptionRepository subscriptions;
    private final DistributionRunRepository runs;
    private final DistributionLogRepository log;
    private final DistributionSender sender;

    public DistributionService(TenantDb db, SubscriptionRepository subscriptions, DistributionRunRepository runs,
            DistributionLogRepository log, DistributionSender sender) {
        this.db = db;
        this.subscriptions = subscriptions;
        this.runs = runs;
        this.log = log;
        this.sender = sender;
    }

    /**
     * Queues, for each enabled subscription and plant, the latest daily or weekly run due at {@code now} in the plant's
     * time zone (the latest only: after an outage the latest report goes out once, not one per missed day; and none
     * that fell due before the subscription existed), and the month-end runs of closes that have none. How many runs
     * were new.
     */
    public Uni<Integer> queueDue(String tenant, Instant now) {
        return db.inTenant(tenant, connection -> subscriptions.schedulable(connection).chain(schedulable -> {
            List<DistributionRunRepository.Due> dues = new ArrayList<>();
            for (SubscriptionRepository.Schedulable s : schedulable) {
                ZoneId zone = ZoneId.of(s.timeZone());
                DistributionSchedule.Due due = Subscription.WEEKLY.equals(s.cadence())
                        ? DistributionSchedule.weekly(s.weekday(), s.sendAt(), zone, now)
                        : DistributionSchedule.daily(s.sendAt(), zone, FiscalCalendar.parse(s.fiscalCalendar()), now);
                if (!due.dueAt().isBefore(s.createdAt().toInstant())) {
                    dues.add(new DistributionRunRepository.Due(s.subscriptionId(), s.plant(), s.cadence(), due));
                }
            }
            return runs.queue(connection, dues);
        }).chain(queued -> runs.queueMonthEnd(connection, null, null).map(closes -> queued + closes)));
    }

    /**
     * A close stored version 1 of a plant-period: queues its month-end runs and starts sending them here, without
     * waiting. A prompt of a later version (a restatement) queues nothing: the month-end report is the close's. How
     * many runs were new.
     */
    public Uni<Integer> closed(String tenant, Scope scope, DistributionPrompt prompt) {
        scope.requireWholePlant(prompt.plant(), "a close's distribution");
        if (prompt.version() != 1) {
            return Uni.createFrom().item(0);
        }
        return db.inTenant(tenant, connection -> runs.queueMonthEnd(connection, prompt.plant(), prompt.period()))
                .invoke(queued -> {
                    if (queued > 0) {
                        sender.drain(tenant, sender.worker()).subscribe().with(sent -> {
                        }, failure -> Log.warnf(failure,
                                "sending the month-end runs of %s %s failed; the workers " + "try again",
                                prompt.plant(), prompt.period()));
                    }
                });
    }

    /** Runs the token may see, newest first, with their deliveries; none for a token limited to lines. */
    public Uni<List<DistributionRecord>> list(String tenant, Scope scope, String subscription, String plant,
            String status, String cadence, int page, int size) {
        if (scope.limitedToLines()) {
            return Uni.createFrom().item(List.of());
        }
        if (plant != null) {
            scope.requirePlant(plant);
        }
        return db.inTenant(tenant, connection -> log.list(connection, subscription, plant, status, cadence,
                scope.plantArray(), page, size));
    }
}
