-- The first tables: where the counter is, its desks, and the day's appointment book.
-- A booking has one appointment code and 1 to 6 persons; each person has one appointment per
-- service (a one stop shop visit chains several: BIO, BRP, INFO).

CREATE TABLE server_settings (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE locations (
  id text PRIMARY KEY,
  name text NOT NULL,
  time_zone text NOT NULL DEFAULT 'Europe/Amsterdam'
);

CREATE TABLE desks (
  id text PRIMARY KEY,
  location_id text NOT NULL REFERENCES locations (id),
  name text NOT NULL,
  UNIQUE (location_id, name)
);

CREATE TABLE bookings (
  id text PRIMARY KEY,
  location_id text NOT NULL REFERENCES locations (id),
  appointment_code text NOT NULL,
  date date NOT NULL,
  slot_start time NOT NULL,
  cancelled_at timestamptz,
  UNIQUE (location_id, appointment_code)
);
CREATE INDEX bookings_by_location_and_date ON bookings (location_id, date);

CREATE TABLE persons (
  id text PRIMARY KEY,
  booking_id text NOT NULL REFERENCES bookings (id),
  position smallint NOT NULL CHECK (position BETWEEN 1 AND 6),
  full_name text NOT NULL,
  date_of_birth date NOT NULL,
  nationality_category text NOT NULL CHECK (nationality_category IN ('eu-eea-ch', 'eu-family-member', 'other')),
  v_number text CHECK (v_number ~ '^[0-9]{10}$'),
  UNIQUE (booking_id, position)
);

CREATE TABLE appointments (
  id text PRIMARY KEY,
  booking_id text NOT NULL REFERENCES bookings (id),
  person_id text NOT NULL REFERENCES persons (id),
  service text NOT NULL CHECK (service IN ('BIO', 'DOC', 'VAA', 'TKV', 'BRP', 'INFO')),
  status text NOT NULL DEFAULT 'expected',
  desk_id text REFERENCES desks (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (person_id, service)
);
CREATE INDEX appointments_by_booking ON appointments (booking_id);
