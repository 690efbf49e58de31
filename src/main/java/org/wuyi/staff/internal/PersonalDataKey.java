package org.wuyi.staff.internal;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.wuyi.platform.crypto.FieldCipher;

/**
 * The key ring for ID numbers at rest: {@code wuyi.staff.id-key} and the retired {@code wuyi.staff.id-key-retired}. Only the demo
 * profile ships a key; elsewhere it must be configured, and anything that needs it says so plainly.
 */
@Component
public class PersonalDataKey {

    private final FieldCipher cipher;

    PersonalDataKey(StaffProperties properties) {
        String key = properties.idKey();
        this.cipher = StringUtils.hasText(key) ? new FieldCipher(key, properties.idKeyRetired()) : null;
    }

    public FieldCipher cipher() {
        if (cipher == null) {
            throw new IllegalStateException("wuyi.staff.id-key is not set: configure a 32-byte base64 key "
                    + "(e.g. openssl rand -base64 32) to store or read ID numbers");
        }
        return cipher;
    }

    /** The ring, or null when no key is set. */
    FieldCipher ringOrNull() {
        return cipher;
    }
}
