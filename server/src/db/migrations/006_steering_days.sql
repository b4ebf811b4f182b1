-- The steering report's figures per location and day (issue #10): a year of a busy location holds
-- over a million events, too many to replay for each report. Every steering figure adds up over days
-- (a person, a visit and a rating belong to one day) except the distinct sponsors, kept as each day's
-- sponsor keys, and the medians, kept as each day's samples. A row is as fresh as `through_seq`: the
-- newest server sequence of the day's events and appointment states when it was made; a newer one
-- makes the report summarise the day again (steering/steering-days.ts).
CREATE TABLE steering_days (
  location_id text NOT NULL REFERENCES locations (id),
  day date NOT NULL,
  through_seq bigint NOT NULL,
  opened boolean NOT NULL,
  helped integer NOT NULL,
  helped_by_service jsonb NOT NULL,
  helped_by_category jsonb NOT NULL,
  visits integer NOT NULL,
  booked integer NOT NULL,
  no_shows integer NOT NULL,
  ratings integer NOT NULL,
  rating_sum integer NOT NULL,
  satisfied integer NOT NULL,
  finished_visits integer NOT NULL,
  first_time_right integer NOT NULL,
  -- [{ key, kvk, nameKey, recognised }]: the day's sponsors of bookings with a helped person.
  sponsors jsonb NOT NULL,
  -- The day's waiting times and service-episode times in seconds, as the report's SQL measures them.
  waits float8[] NOT NULL,
  services float8[] NOT NULL,
  PRIMARY KEY (location_id, day)
);

-- The newest change of a day's appointment states, found without reading the day (freshness check).
CREATE INDEX appointment_states_by_day_seq ON appointment_states (location_id, day, last_server_seq);
