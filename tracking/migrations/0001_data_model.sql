-- The suite's data model: sources, works, editions, segments, assets, segment_assets,
-- pipeline_jobs. Every statement is IF NOT EXISTS so this applies cleanly to a database
-- that already holds these tables (an existing Supabase project, created with
-- uuid_generate_v4() defaults): nothing there is changed.
-- New databases get gen_random_uuid() defaults (built into PostgreSQL 13+).

CREATE TABLE IF NOT EXISTS sources (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  name TEXT NOT NULL,
  domain TEXT,
  media_type TEXT CHECK (media_type IN ('novel', 'manhwa', 'anime')),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
  rate_limit_rpm INTEGER NOT NULL DEFAULT 60,
  last_run_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS works (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  title TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS editions (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  work_id UUID NOT NULL REFERENCES works(id) ON DELETE CASCADE,
  media_type TEXT CHECK (media_type IN ('novel', 'manhwa', 'anime')),
  provider TEXT,
  canonical_url TEXT,
  is_official BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS segments (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  edition_id UUID NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  segment_type TEXT CHECK (segment_type IN ('chapter', 'episode')),
  number NUMERIC,
  title TEXT,
  canonical_url TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  UNIQUE (edition_id, segment_type, number)
);

CREATE TABLE IF NOT EXISTS assets (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  provider TEXT NOT NULL DEFAULT 'cloudflare_r2',
  bucket TEXT,
  r2_key TEXT UNIQUE,
  asset_type TEXT CHECK (asset_type IN ('raw_image', 'raw_subtitle', 'raw_html', 'ocr_json',
                                        'cleaned_text', 'cleaned_json', 'other')),
  content_type TEXT,
  bytes BIGINT,
  sha256 TEXT,
  upload_source TEXT CHECK (upload_source IN ('pipeline', 'manual', 'import')),
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS segment_assets (
  segment_id UUID NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  asset_id UUID NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  role TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  PRIMARY KEY (segment_id, asset_id)
);

-- Exactly the existing production table (same columns and CHECK lists), with
-- gen_random_uuid() instead of uuid_generate_v4().
CREATE TABLE IF NOT EXISTS pipeline_jobs (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  job_type TEXT NOT NULL CHECK (job_type IN ('scrape', 'clean', 'summarize', 'entities', 'embed', 'match', 'sync_assets')),
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'success', 'failed')),
  source_id UUID REFERENCES sources(id) ON DELETE SET NULL,
  work_id UUID REFERENCES works(id) ON DELETE SET NULL,
  edition_id UUID REFERENCES editions(id) ON DELETE SET NULL,
  segment_id UUID REFERENCES segments(id) ON DELETE SET NULL,
  input JSONB NOT NULL DEFAULT '{}',
  output JSONB,
  attempt INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  started_at TIMESTAMPTZ,
  finished_at TIMESTAMPTZ
);

-- Lookups the scrapers make (children of a work / edition, assets of a segment).
CREATE INDEX IF NOT EXISTS editions_work_id_idx ON editions (work_id);
CREATE INDEX IF NOT EXISTS segment_assets_asset_id_idx ON segment_assets (asset_id);

-- The monitoring queries: running jobs by start, failed jobs by finish, and per
-- job_type statistics grouped by input->>'scriptType' and status.
CREATE INDEX IF NOT EXISTS pipeline_jobs_status_started_at_idx
  ON pipeline_jobs (status, started_at DESC NULLS LAST);
CREATE INDEX IF NOT EXISTS pipeline_jobs_status_finished_at_idx
  ON pipeline_jobs (status, finished_at DESC NULLS LAST);
CREATE INDEX IF NOT EXISTS pipeline_jobs_type_script_status_idx
  ON pipeline_jobs (job_type, (input->>'scriptType'), status);
CREATE INDEX IF NOT EXISTS pipeline_jobs_created_at_idx
  ON pipeline_jobs (created_at DESC);
-- ON DELETE SET NULL from works/editions/segments would otherwise scan pipeline_jobs.
CREATE INDEX IF NOT EXISTS pipeline_jobs_work_id_idx ON pipeline_jobs (work_id) WHERE work_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS pipeline_jobs_edition_id_idx ON pipeline_jobs (edition_id) WHERE edition_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS pipeline_jobs_segment_id_idx ON pipeline_jobs (segment_id) WHERE segment_id IS NOT NULL;
