-- A schedule remembers the source its program requests (the first `sources` row
-- matching one of the program's hosts when the schedule was added), and every job it
-- enqueues records it, so a paused source holds scheduled jobs back like queued ones.
-- Additive only: one nullable column.
ALTER TABLE job_schedules ADD COLUMN IF NOT EXISTS source_id UUID REFERENCES sources(id) ON DELETE SET NULL;
