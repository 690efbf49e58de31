-- Robot addresses and secrets name the key they are sealed under (format 0, key version 1 for the ones sealed before).
UPDATE channel_route SET url = '\x000001'::bytea || url,
                         secret = CASE WHEN secret IS NULL THEN NULL ELSE '\x000001'::bytea || secret END;
