package org.wuyi.platform.crypto;

import java.util.Map;

/**
 * Values a module keeps sealed under a key ring, in its own tables, that {@code rotate-keys} can count and reseal.
 * Each module implements it for what it owns; the command only calls these, never reads the tables.
 */
public interface SealedValues {

    /** What the values are, as the command names them, e.g. {@code person.id_number}. */
    String name();

    /** The setting whose keys seal these values, e.g. {@code wuyi.staff.id-key}. */
    String setting();

    /** The ring now configured, or null when the setting is blank (nothing can be sealed then). */
    FieldCipher ring();

    /** How many values are sealed under each key version. */
    Map<Integer, Long> countByVersion();

    /**
     * Reseals at most {@code limit} values not under the current key, in one transaction, each only if it is still
     * the value that was read (a value changed meanwhile is sealed under the current key already, or is taken next
     * time); returns how many were resealed.
     */
    int rotateBatch(int limit);
}
