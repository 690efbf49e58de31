-- ID numbers name the key they are sealed under: the values sealed before keys had versions become format 0
-- ("no associated data"), key version 1; their fingerprints name version 1 as well.
UPDATE person SET id_number = '\x000001'::bytea || id_number, id_fingerprint = '1:' || id_fingerprint;
