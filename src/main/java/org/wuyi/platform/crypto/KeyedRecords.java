package org.wuyi.platform.crypto;

import java.util.Map;

/**
 * Records a module keeps under a key version that cannot be remade under another key: hashes of secrets Wuyi never
 * holds (access tokens, recovery codes) and the audit chain (history is not rewritten). They keep working while their
 * key is configured, current or retired; {@code rotate-keys} counts them so the operator knows what a removal ends.
 * The ring and setting are those of the module's {@link SealedValues}.
 */
public interface KeyedRecords extends SealedValues {

    /** Per kind of record (e.g. {@code access_token}), how many live records are under each key version. */
    Map<String, Map<Integer, Long>> recordsByVersion();
}
