package io.scrapline.alert.repository;

import java.time.Duration;

import io.scrapline.platform.job.Backoff;
import io.scrapline.platform.job.JobQueue;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * What a worker does with its claim of a job of the leased queue a repository keeps (platform {@link JobQueue}): renew
 * it, complete the job, or fail it for a retry after a back-off. None of them changes a job whose claim another worker
 * took over.
 */
public abstract class LeasedJobRepository {

    /** The queue of the repository's job table. */
    protected abstract JobQueue queue();

    /** Renews the claim for {@code lease} from now; false if another worker took the job over. */
    public Uni<Boolean> extend(SqlConnection connection, JobQueue.Claim claim, Duration lease) {
        return queue().extend(connection, claim, lease);
    }

    public Uni<Boolean> complete(SqlConnection connection, JobQueue.Claim claim) {
        return queue().complete(connection, claim);
    }

    public Uni<JobQueue.Failure> fail(SqlConnection connection, JobQueue.Claim claim, String error, int attempts,
            Backoff backoff) {
        return queue().fail(connection, claim, error, attempts, backoff);
    }
}
