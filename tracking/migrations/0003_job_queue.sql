-- pipeline_jobs as a queue that workers on any number of machines claim from.
-- Additive only: new defaulted or nullable columns, new tables and indexes; the status
-- and job_type CHECK lists stay as they are (a cancelled job is 'failed', error 'cancelled').
--   priority             higher runs first
--   run_at               not before then (NULL: as soon as possible)
--   max_attempts         attempts before a failure is final (NULL: 1, never retried)
--   unique_key           at most one queued or running job per key
--   depends_on           runs only after every one of these jobs succeeded
--   errors               attempt history: [{attempt, error, at, worker}]
--   progress             {done, total, item, updated_at} while a per-item program runs
--   cancel_requested_at  a running job was asked to stop

ALTER TABLE pipeline_jobs ADD COLUMN IF NOT EXISTS priority INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pipeline_jobs ADD COLUMN IF NOT EXISTS run_at TIMESTAMPTZ;
ALTER TABLE pipeline_jobs ADD COLUMN IF NOT EXISTS max_attempts INTEGER;
ALTER TABLE pipeline_jobs ADD COLUMN IF NOT EXISTS unique_key TEXT;
ALTER TABLE pipeline_jobs ADD COLUMN IF NOT EXISTS depends_on UUID[] NOT NULL DEFAULT '{}';
ALTER TABLE pipeline_jobs ADD COLUMN IF NOT EXISTS errors JSONB NOT NULL DEFAULT '[]';
ALTER TABLE pipeline_jobs ADD COLUMN IF NOT EXISTS progress JSONB;
ALTER TABLE pipeline_jobs ADD COLUMN IF NOT EXISTS cancel_requested_at TIMESTAMPTZ;

CREATE UNIQUE INDEX IF NOT EXISTS pipeline_jobs_unique_key_active_idx
  ON pipeline_jobs (unique_key) WHERE status IN ('queued', 'running');
-- The claim query: queued rows in claim order.
CREATE INDEX IF NOT EXISTS pipeline_jobs_claim_idx
  ON pipeline_jobs (priority DESC, (COALESCE(run_at, created_at)), created_at)
  WHERE status = 'queued';
-- Failing the dependents of a job that failed for good.
CREATE INDEX IF NOT EXISTS pipeline_jobs_depends_on_idx
  ON pipeline_jobs USING gin (depends_on) WHERE status = 'queued';

CREATE TABLE IF NOT EXISTS job_schedules (
  name TEXT PRIMARY KEY,
  cron TEXT NOT NULL,
  program TEXT NOT NULL,
  args JSONB NOT NULL DEFAULT '[]',
  script_type TEXT,
  job_type TEXT NOT NULL DEFAULT 'scrape',
  priority INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL DEFAULT 3,
  last_slot_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

-- Requests to one host from every worker on every machine are spaced through this row.
CREATE TABLE IF NOT EXISTS host_pacing (
  host TEXT PRIMARY KEY,
  next_allowed_at TIMESTAMPTZ NOT NULL
);
