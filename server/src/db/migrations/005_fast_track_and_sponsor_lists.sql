-- The fast-track follow-up and the location's sponsor list (issue #10).

-- GemeenteLoket staff record the day the municipality issued a BSN; they see the fast-track list
-- of their location and nothing else.
ALTER TABLE accounts DROP CONSTRAINT accounts_role_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_role_check CHECK (role IN ('clerk', 'supervisor', 'admin', 'municipality'));

-- One row per BRP registration whose BSN was issued: only the date, never the BSN. The
-- registration itself is the BRP appointment's completed state (appointment_states).
CREATE TABLE fast_track_completions (
  appointment_id text PRIMARY KEY REFERENCES appointment_states (appointment_id),
  location_id text NOT NULL REFERENCES locations (id),
  bsn_issued_on date NOT NULL,
  recorded_by text REFERENCES accounts (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fast_track_completions_by_location ON fast_track_completions (location_id);

-- The recognised sponsors of the location's region (the denominator of "share of sponsors served").
-- A served sponsor is on the list when its KvK number or its name (lower case, single spaces) matches;
-- sponsor_key (the KvK number, else that name) counts each once, as the steering report does.
CREATE TABLE location_sponsors (
  location_id text NOT NULL REFERENCES locations (id),
  sponsor_key text NOT NULL,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  name_key text NOT NULL,
  kvk text CHECK (kvk ~ '^[0-9]{8}$'),
  PRIMARY KEY (location_id, sponsor_key)
);
CREATE INDEX location_sponsors_by_name ON location_sponsors (location_id, name_key);
