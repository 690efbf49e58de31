-- A volunteer who signed up online is registered by their verified mobile, without an ID number: the three ID columns
-- are all set or all empty.
ALTER TABLE person ALTER COLUMN id_number DROP NOT NULL,
                   ALTER COLUMN id_fingerprint DROP NOT NULL,
                   ALTER COLUMN id_masked DROP NOT NULL,
    ADD CONSTRAINT person_id_all_or_none CHECK ((id_number IS NULL) = (id_fingerprint IS NULL)
                                                AND (id_number IS NULL) = (id_masked IS NULL));
