-- A push asks, for every appointment its events name, whether a desk registered it as a walk-in
-- (sync/event-checks.ts, dayResolver). Without an index that question read every accepted event
-- of every location: a whole year's log for each push. Walk-ins are a small share of the log.
CREATE INDEX events_walk_ins_by_appointment ON events (appointment_id)
  WHERE type = 'walkInRegistered' AND outcome = 'accepted';
