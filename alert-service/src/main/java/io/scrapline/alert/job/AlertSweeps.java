package io.scrapline.alert.job;

import jakarta.enterprise.inject.Produces;

import io.scrapline.alert.config.AlertConfig;
import io.scrapline.alert.domain.Touch;
import io.scrapline.alert.service.EmailDispatch;
import io.scrapline.alert.service.EvaluationService;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.job.Sweep;

/** The alert service's scheduled work, run by the platform's {@link io.scrapline.platform.job.SweepScheduler}. */
public class AlertSweeps {

    /**
     * Every rule of every tenant evaluated in the windows of now, and failed sends retried: an alert that a lost prompt
     * missed goes out.
     */
    @Produces
    Sweep alerts(AlertConfig config, EvaluationService evaluation, EmailDispatch email) {
        return Sweep.oncePerCluster("alert-sweep", config.sweepEvery(), "10s", "tenants_with_alert_rules",
                tenant -> evaluation.evaluate(tenant, Scope.TENANT, Touch.current())
                        .chain(() -> email.retryUnsent(tenant)));
    }
}
