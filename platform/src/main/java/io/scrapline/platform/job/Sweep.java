package io.scrapline.platform.job;

import java.util.function.Function;

import io.quarkus.logging.Log;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;

/**
 * Scheduled work over the tenants that have some: every {@code every}, starting {@code delayed} after start-up, the
 * tenants that the owner-rights function {@code tenants} names get {@code work}, one tenant after the other, each in
 * its own transactions ({@link TenantDb#eachTenant}: a tenant whose work fails is logged and counted, and the next one
 * goes on). A service declares its sweeps as beans of this type; {@link SweepScheduler} schedules every one of them.
 *
 * @param job
 *            the name of the work: its scheduler identity, its cluster lease and the {@code job} tag of its failure
 *            counter
 * @param reach
 *            whether one replica of the cluster runs it at a time, or every replica does
 * @param every
 *            how often it runs: a duration such as {@code 30s} or {@code PT5M}, or {@code off} not to run it
 * @param delayed
 *            how long after start-up it first runs
 * @param tenants
 *            the owner-rights {@code tenants_with_*} function that names the tenants with work
 * @param work
 *            the work of one tenant
 */
public record Sweep(String job, Reach reach, String every, String delayed, String tenants,
        Function<String, Uni<?>> work) {

    /** Where a sweep runs. */
    public enum Reach {
        /** On one replica at a time, under a cluster lease named after the job: scheduled work fires once. */
        CLUSTER,
        /**
         * On every replica at the same time: the workers of a job queue, which claim jobs without waiting on each other
         * ({@code FOR UPDATE SKIP LOCKED}), so that more replicas get through the queue faster.
         */
        EVERY_REPLICA
    }

    /** A sweep that one replica of the cluster runs at a time. */
    public static Sweep oncePerCluster(String job, String every, String delayed, String tenants,
            Function<String, Uni<?>> work) {
        return new Sweep(job, Reach.CLUSTER, every, delayed, tenants, work);
    }

    /** A sweep that every replica runs, such as the workers of a job queue. */
    public static Sweep onEveryReplica(String job, String every, String delayed, String tenants,
            Function<String, Uni<?>> work) {
        return new Sweep(job, Reach.EVERY_REPLICA, every, delayed, tenants, work);
    }

    /**
     * One round of the sweep now. It ends without a failure: a round that could not run to its end (the database gone,
     * say) is logged, and the next round tries again.
     */
    public Uni<Void> run(TenantDb db) {
        Function<String, Uni<Void>> each = tenant -> work.apply(tenant).replaceWithVoid();
        return Uni.createFrom().deferred(() -> reach == Reach.CLUSTER ? db.sweepTenants(job, tenants, each)
                : db.eachTenant(job, tenants, each).replaceWithVoid()).onFailure().recoverWithUni(failure -> {
                    Log.warnf(failure, "the %s sweep did not run to its end; its next round tries again", job);
                    return Uni.createFrom().voidItem();
                });
    }
}
