-- Requests per host and second, so the dashboard can show how fast each site is going:
-- reserve_host_slot() counts every slot it hands out here, at the slot's second, in the
-- same statement, and deletes that host's rows older than ten minutes as it goes.
-- Additive only: one new table.
CREATE TABLE IF NOT EXISTS host_request_counts (
  host TEXT NOT NULL,
  slot_second TIMESTAMPTZ NOT NULL,
  requests INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (host, slot_second)
);
