package io.scrapline.alert.job;

import jakarta.enterprise.inject.Produces;

import io.scrapline.alert.config.AlertConfig;
import io.scrapline.alert.domain.Touch;
import io.scrapline.alert.service.AudienceService;
import io.scrapline.alert.service.DeliveryWorker;
import io.scrapline.alert.service.EscalationService;
import io.scrapline.alert.service.EvaluationService;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.job.Sweep;
import io.scrapline.platform.secrets.SecretsConfig;

/** The alert service's scheduled work, run by the platform's {@link io.scrapline.platform.job.SweepScheduler}. */
public class AlertSweeps {

    /** Every rule of every tenant evaluated in the windows of now: an alert that a lost prompt missed is raised. */
    @Produces
    Sweep alerts(AlertConfig config, EvaluationService evaluation) {
        return Sweep.oncePerCluster("alert-sweep", config.sweepEvery(), "10s", "tenants_with_alert_rules",
                tenant -> evaluation.evaluate(tenant, Scope.TENANT, Touch.current()));
    }

    /**
     * Due deliveries claimed and attempted by every replica, which claim without waiting on each other: retries after
     * their back-off, warnings after quiet hours, digests at the end of their hour, and what a replica that died left.
     */
    @Produces
    Sweep deliveries(AlertConfig config, DeliveryWorker worker) {
        return Sweep.onEveryReplica("alert-deliveries", config.delivery().workEvery(), "5s", "tenants_with_alert_work",
                tenant -> worker.drain(tenant, worker.worker(), null));
    }

    /** Due escalation timers fired by every replica; each timer is claimed by one of them. */
    @Produces
    Sweep escalations(AlertConfig config, EscalationService escalation) {
        return Sweep.onEveryReplica("alert-escalations", config.escalation().workEvery(), "5s",
                "tenants_with_alert_work", tenant -> escalation.drain(tenant, escalation.worker()));
    }

    /**
     * Every webhook secret not sealed under the current key sealed again, once per cluster, at start-up and then
     * periodically, so that a key rotated out can leave the ring.
     */
    @Produces
    Sweep secretReseal(SecretsConfig config, AudienceService audiences) {
        return Sweep.oncePerCluster("alert-secret-reseal", config.resealEvery().toString(), "0s",
                "tenants_with_alert_secrets", audiences::reseal);
    }
}
