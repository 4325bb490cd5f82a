-- Liveness of running jobs: a worker refreshes heartbeat_at while it runs, and records
-- who it is (host:pid). A running job whose heartbeat (or start, for rows written
-- before this column existed) is too old belongs to a dead worker and can be reaped.
-- Additive only: nullable columns, existing rows untouched.

ALTER TABLE pipeline_jobs ADD COLUMN IF NOT EXISTS heartbeat_at TIMESTAMPTZ;
ALTER TABLE pipeline_jobs ADD COLUMN IF NOT EXISTS worker TEXT;

CREATE INDEX IF NOT EXISTS pipeline_jobs_running_liveness_idx
  ON pipeline_jobs ((COALESCE(heartbeat_at, started_at, created_at)))
  WHERE status = 'running';
