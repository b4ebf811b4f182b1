-- Accounts, registered devices and their sessions; the append-only event log with the outcome of
-- every event a device sent; the change feed desks pull; conflicts; checklist versions; audit.

-- What each desk serves, and whether it is in use: the queue and call-next need both.
ALTER TABLE desks
  ADD COLUMN services text[] NOT NULL DEFAULT ARRAY['BIO', 'DOC', 'VAA', 'TKV', 'BRP', 'INFO'],
  ADD COLUMN active boolean NOT NULL DEFAULT true;

CREATE TABLE accounts (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
  -- Null only for admins, who see every location.
  location_id text REFERENCES locations (id),
  password_hash text NOT NULL,
  -- The clerk's PIN verifier for unlocking a desk offline: PBKDF2-SHA256 { salt, iterations, hash },
  -- a form the desk can check with WebCrypto while the network is gone. Null until set.
  pin_verifier jsonb,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (role = 'admin' OR location_id IS NOT NULL)
);

CREATE TABLE devices (
  id text PRIMARY KEY,
  location_id text NOT NULL REFERENCES locations (id),
  kind text NOT NULL CHECK (kind IN ('desk', 'display')),
  desk_id text REFERENCES desks (id),
  name text NOT NULL,
  secret_hash text NOT NULL,
  registered_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  last_seen_at timestamptz,
  -- Device clock minus server clock at the last push, in milliseconds.
  clock_offset_ms integer
);

-- One-time codes an admin hands out to register a device.
CREATE TABLE registration_codes (
  code_hash text PRIMARY KEY,
  location_id text NOT NULL REFERENCES locations (id),
  kind text NOT NULL CHECK (kind IN ('desk', 'display')),
  desk_id text REFERENCES desks (id),
  created_by text NOT NULL REFERENCES accounts (id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by_device text REFERENCES devices (id)
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  -- The desk the clerk signed in on; null for a browser session (supervisors, admins).
  device_id text REFERENCES devices (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_by_account ON sessions (account_id);

-- Every event a device sent, by device sequence: accepted, conflict or rejected. A resent event
-- gets its original outcome back from here. Accepted and conflicting events get a server sequence.
CREATE TABLE events (
  device_id text NOT NULL REFERENCES devices (id),
  device_seq integer NOT NULL CHECK (device_seq >= 1),
  id text NOT NULL UNIQUE,
  server_seq bigint UNIQUE,
  outcome text NOT NULL CHECK (outcome IN ('accepted', 'conflict', 'rejected')),
  reason jsonb,
  location_id text NOT NULL REFERENCES locations (id),
  type text,
  appointment_id text,
  -- Which day of the location the event belongs to (Europe/Amsterdam).
  day date,
  occurred_at timestamptz,
  received_at timestamptz NOT NULL DEFAULT now(),
  clock_offset_ms integer,
  body jsonb NOT NULL,
  PRIMARY KEY (device_id, device_seq)
);
CREATE SEQUENCE server_seq_counter;
CREATE INDEX events_by_location_day ON events (location_id, day, server_seq);

-- The feed desks pull: the new state of each changed entity, in server-sequence order. Writers
-- take the location's change lock before they draw a number and keep it until they commit, so
-- within a location numbers become visible in order and a pull never skips a committed change.
CREATE TABLE changes (
  seq bigint PRIMARY KEY,
  location_id text NOT NULL REFERENCES locations (id),
  entity text NOT NULL,
  entity_id text NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX changes_by_location ON changes (location_id, seq);

-- The current state of each appointment, as the shared reducer left it (kept with the change feed).
-- Desks' states are per day and derive from the events; reports read them from there.
CREATE TABLE appointment_states (
  appointment_id text PRIMARY KEY,
  location_id text NOT NULL REFERENCES locations (id),
  day date NOT NULL,
  state jsonb NOT NULL,
  last_server_seq bigint NOT NULL
);
CREATE INDEX appointment_states_by_day ON appointment_states (location_id, day);

CREATE TABLE conflicts (
  event_id text PRIMARY KEY REFERENCES events (id),
  location_id text NOT NULL REFERENCES locations (id),
  day date NOT NULL,
  appointment_id text,
  error jsonb NOT NULL,
  detected_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolved_by text REFERENCES accounts (id),
  resolution_note text
);

CREATE TABLE checklist_definitions (
  checklist_id text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  definition jsonb NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by text REFERENCES accounts (id),
  PRIMARY KEY (checklist_id, version)
);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  account_id text,
  device_id text,
  action text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
