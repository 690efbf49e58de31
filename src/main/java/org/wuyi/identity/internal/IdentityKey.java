package org.wuyi.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.wuyi.identity.AccountProblem;
import org.wuyi.platform.crypto.FieldCipher;
import org.wuyi.platform.crypto.FieldKey;

/**
 * The key ring of {@code wuyi.identity.key} (and the retired {@code wuyi.identity.key-retired}): it seals second-factor
 * secrets at rest and keys the hashes (the suite's HMAC, under a derived key) that access tokens and recovery codes are
 * stored and found by, so that a copy of the database alone neither yields a working token nor lets one be tested
 * offline. A hash is made under the current key and records its version; it is checked under the key it names, so
 * tokens and codes made before a key change keep working while the old key is retired, not yet removed. Only the demo
 * profile ships a key; elsewhere, anything that needs it says so plainly (a translated 503).
 */
@Component
class IdentityKey {

    /** A hash and the key version it was made under. */
    record Hash(int version, byte[] value) {
    }

    private final FieldCipher cipher;
    private final Map<Integer, byte[]> hashKeys = new TreeMap<>();

    IdentityKey(IdentityProperties properties) {
        String key = properties.key();
        if (StringUtils.hasText(key)) {
            this.cipher = new FieldCipher(key, properties.keyRetired());
            cipher.keys().forEach(each -> hashKeys.put(each.version(), each.derive("wuyi-identity-hash")));
        } else {
            this.cipher = null;
        }
    }

    FieldCipher cipher() {
        if (cipher == null) {
            throw new AccountProblem(HttpStatus.SERVICE_UNAVAILABLE, "problem.identity.no-key");
        }
        return cipher;
    }

    /** The ring, or null when no key is set. */
    FieldCipher ringOrNull() {
        return cipher;
    }

    /** The keyed hash a new secret (token, recovery code) is stored by: under the current key. */
    Hash hash(String secret) {
        FieldKey current = cipher().current();
        return new Hash(current.version(), hash(current, secret));
    }

    /** The secret's hash under every key of the ring, to find it whichever key it was stored under. */
    List<Hash> hashes(String secret) {
        List<Hash> all = new ArrayList<>();
        cipher().keys().forEach(key -> all.add(new Hash(key.version(), hash(key, secret))));
        return all;
    }

    private byte[] hash(FieldKey key, String secret) {
        return key.mac(hashKeys.get(key.version()), secret.getBytes(StandardCharsets.UTF_8));
    }

    boolean configured() {
        return cipher != null;
    }
}
