-- Supervisors' reports: per-location settings, the history of conflict resolutions, and the
-- indexes the report's SQL reads by.

-- Service level target (a client should be called within this many seconds; Maastricht's
-- citizens' charter: 5 minutes) and when an open desk that stopped syncing shows as offline.
ALTER TABLE locations
  ADD COLUMN target_wait_seconds integer NOT NULL DEFAULT 300 CHECK (target_wait_seconds BETWEEN 30 AND 14400),
  ADD COLUMN offline_after_minutes integer NOT NULL DEFAULT 5 CHECK (offline_after_minutes BETWEEN 1 AND 1440);

-- A supervisor's resolution of a recorded conflict, with a note: append-only, so what was decided,
-- by whom and when stays readable after a later correction. `conflicts.resolved_*` holds the latest.
-- (The sync protocol has no resolution event yet; this table is its stand-in on the server.)
CREATE TABLE conflict_resolutions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id text NOT NULL REFERENCES conflicts (event_id),
  location_id text NOT NULL REFERENCES locations (id),
  resolved_at timestamptz NOT NULL DEFAULT now(),
  resolved_by text NOT NULL REFERENCES accounts (id),
  note text NOT NULL CHECK (length(note) BETWEEN 1 AND 2000)
);
CREATE INDEX conflict_resolutions_by_event ON conflict_resolutions (event_id, id);
CREATE INDEX conflicts_by_location_day ON conflicts (location_id, day);

-- The report reads the applied events of a location's days; rejected and conflicting ones are
-- left out by the index itself.
CREATE INDEX events_applied_by_location_day ON events (location_id, day) WHERE outcome = 'accepted';
