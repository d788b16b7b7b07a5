-- One leased job queue (io.scrapline.platform.job.JobQueue): a failed attempt waits for its back-off before the
-- next claim may take it.
ALTER TABLE period_close_jobs ADD COLUMN next_attempt_at timestamptz;
ALTER TABLE recosting_job_parts ADD COLUMN next_attempt_at timestamptz;

-- Once per cluster on a lease row (io.scrapline.platform.job.ClusterLease), not a session advisory lock, which
-- breaks behind a transaction-pooling connection pooler. Not a tenant table: a sweep guards the work of all tenants.
CREATE TABLE cluster_leases (
    name        text PRIMARY KEY,
    holder      text NOT NULL,
    expires_at  timestamptz NOT NULL
);
GRANT SELECT, INSERT, UPDATE, DELETE ON cluster_leases TO ${app_role};
