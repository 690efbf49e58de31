package org.wuyi.region.internal;

/**
 * Division codes seen during an import, each with the line it was first seen on: an open-addressing
 * hash table over two primitive arrays. The whole country (665,276 codes) fits in 32 MiB with no
 * object per entry, where a {@code HashMap<Long, Long>} would need about three times that and keep
 * the garbage collector busy during the import.
 */
final class CodeTable {

    private static final long EMPTY = 0;

    private long[] keys = new long[1 << 12];
    private long[] values = new long[1 << 12];
    private int size;

    /**
     * A code as a positive number; codes of different levels never collide because the code's length is
     * folded into the last two digits.
     */
    static long key(String code) {
        return Long.parseLong(code) * 100 + code.length();
    }

    /** The key of the parent of the code with this key, or {@link #EMPTY} for a province. */
    static long parentKey(long key) {
        int length = (int) (key % 100);
        long digits = key / 100;
        return switch (length) {
            case 4 -> digits / 100 * 100 + 2;
            case 6 -> digits / 100 * 100 + 4;
            case 9 -> digits / 1000 * 100 + 6;
            case 12 -> digits / 1000 * 100 + 9;
            default -> EMPTY;
        };
    }

    /** Stores the value unless the key is present; returns the value already stored, or -1. */
    long putIfAbsent(long key, long value) {
        int slot = find(key);
        if (keys[slot] == key) {
            return values[slot];
        }
        keys[slot] = key;
        values[slot] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return -1;
    }

    /** The value stored for the key, or {@code otherwise}. */
    long getOrDefault(long key, long otherwise) {
        int slot = find(key);
        return keys[slot] == key ? values[slot] : otherwise;
    }

    boolean contains(long key) {
        return keys[find(key)] == key;
    }

    private int find(long key) {
        int mask = keys.length - 1;
        int slot = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldValues.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    int size() {
        return size;
    }
}
