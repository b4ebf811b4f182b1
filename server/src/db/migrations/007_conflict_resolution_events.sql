-- A supervisor's resolution of a conflict is an event like any other (`conflictResolved` in `events`),
-- made by the server on the supervisor's behalf through the location's own server device
-- (`server-<location>`, kind 'server': no usable secret, it never signs in or pushes). Its device
-- numbers are drawn under the location's change lock, so they are gap-free like a desk's.
ALTER TABLE devices DROP CONSTRAINT devices_kind_check;
ALTER TABLE devices ADD CONSTRAINT devices_kind_check CHECK (kind IN ('desk', 'display', 'server'));

-- The review reads a conflict's resolution from `conflicts.resolved_*`; this names its event.
ALTER TABLE conflicts ADD COLUMN resolution_event_id text REFERENCES events (id);

-- `conflict_resolutions` is no longer written: a conflict is resolved once, by its event. The table
-- keeps the resolutions made before this migration (with every note a later one replaced), the only
-- record of them; those conflicts stay resolved and cannot be resolved again.
COMMENT ON TABLE conflict_resolutions IS 'Resolutions recorded before they were conflictResolved events (migration 007); no longer written.';
