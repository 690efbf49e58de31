package org.wuyi.staff.internal;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wuyi.platform.crypto.FieldCipher;
import org.wuyi.platform.crypto.SealedTable;

/** The people's ID numbers, for {@code rotate-keys}: each resealed together with its fingerprint under the new key. */
@Component
class SealedIdNumbers extends SealedTable {

    SealedIdNumbers(JdbcClient jdbc, JdbcTemplate batches, PersonalDataKey key) {
        super(jdbc, batches, "person", "id", List.of("id_number"), "wuyi.staff.id-key", key::ringOrNull);
        derive("id_fingerprint", FieldCipher::fingerprint);
    }
}
