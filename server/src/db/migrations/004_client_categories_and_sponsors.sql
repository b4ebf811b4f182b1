-- The pilot's numbers by client category and sponsor (issue #10). Both are optional in the
-- booking system's export: rows stored before this migration keep NULL (unknown / no sponsor).

ALTER TABLE persons
  ADD COLUMN client_category text
    CHECK (client_category IN ('knowledge-migrant', 'researcher', 'student', 'family-member', 'start-up', 'other'));

-- The sponsor (referent) is the booking's: a name, whether it is on the IND's register of
-- recognised sponsors, and the KvK number when known. Name and recognised come together or not at all.
ALTER TABLE bookings
  ADD COLUMN sponsor_name text CHECK (char_length(sponsor_name) BETWEEN 1 AND 200),
  ADD COLUMN sponsor_recognised boolean,
  ADD COLUMN sponsor_kvk text CHECK (sponsor_kvk ~ '^[0-9]{8}$'),
  ADD CONSTRAINT bookings_sponsor_complete CHECK (
    (sponsor_name IS NULL AND sponsor_recognised IS NULL AND sponsor_kvk IS NULL)
    OR (sponsor_name IS NOT NULL AND sponsor_recognised IS NOT NULL)
  );
