package org.wuyi.identity.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.wuyi.platform.crypto.CipherAlgorithm;
import org.wuyi.platform.crypto.FieldCipher;

/**
 * The audit log's hash chains. Entries are appended under the lock of one of the sixteen rows of
 * {@code audit_chain_head}, so each chain has one order (a transaction keeps to one chain, and concurrent ones take
 * different chains, the first free one, so their commits are not serialised); each entry names its chain and carries the previous entry's
 * hash in that chain and its own: the identity key's suite HMAC (HMAC-SHA-256, or
 * HMAC-SM3 for an SM4 key), under a key derived from the current {@code wuyi.identity.key}, over the previous hash and
 * the entry's time (microseconds), actor, action, region and detail, each length-prefixed; the entry records the key's
 * version. Whoever edits a row by SQL (bypassing the table's trigger as a superuser can) cannot recompute the chain
 * without the key; {@link #verify} names the first entry that does not fit. History is never rewritten: after a key
 * change the older entries stay under the old key, fully checkable while it is retired and configured, and checked
 * for their links only (not their content) once it is removed. Without any key the chain is an unkeyed chain: it
 * still shows an edit, but not one made by someone who recomputes it.
 */
@Component
public class AuditChain {

    /** An entry to append. */
    public record Line(String actor, String action, String regionCode, String detail) {
    }

    /**
     * What {@link #verify} found: entries checked, entries from before the chain, the first broken entry if any, and
     * how many entries are under a key no longer configured (their links checked, their content not).
     */
    public record Verdict(long checked, long beforeChain, Long firstBroken, String reason, boolean keyed, long linksOnly) {

        public boolean intact() {
            return firstBroken == null;
        }
    }

    /** How many chains there are (rows of {@code audit_chain_head}, migration V32). */
    static final int CHAINS = 16;

    /** The version recorded for an entry chained without a key. */
    static final int UNKEYED = 0;
    private static final byte[] UNKEYED_KEY = "wuyi-audit-chain-unkeyed".getBytes(StandardCharsets.UTF_8);

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;
    private final FieldCipher ring;
    private final Map<Integer, byte[]> keys = new HashMap<>();

    AuditChain(JdbcClient jdbc, JdbcTemplate batches, Clock clock, IdentityKey identityKey) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
        this.ring = identityKey.ringOrNull();
        if (ring != null) {
            ring.keys().forEach(key -> keys.put(key.version(), key.derive("wuyi-audit-chain")));
        }
    }

    /**
     * Appends entries in the caller's transaction, to the chain it holds or else to a free one, whose lock it then holds
     * until it ends. Concurrent transactions write to different chains, so their commits share WAL flushes.
     */
    public void append(List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        Integer held = (Integer) TransactionSynchronizationManager.getResource(this);
        Head head;
        if (held != null) {
            head = jdbc.sql("SELECT chain, last_hash FROM audit_chain_head WHERE chain = ? FOR UPDATE").param(held)
                    .query(Head::of).single();
        } else {
            // the first chain nobody holds (so a quiet system writes one chain); all busy: wait for one at random
            head = jdbc.sql("SELECT chain, last_hash FROM audit_chain_head ORDER BY chain LIMIT 1 FOR UPDATE SKIP LOCKED")
                    .query(Head::of).optional()
                    .orElseGet(() -> jdbc.sql("SELECT chain, last_hash FROM audit_chain_head WHERE chain = ? FOR UPDATE")
                            .param(ThreadLocalRandom.current().nextInt(CHAINS)).query(Head::of).single());
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.bindResource(this, head.chain());
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(AuditChain.this);
                    }
                });
            }
        }
        byte[] previous = head.lastHash();
        int version = ring == null ? UNKEYED : ring.current().version();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Object[]> rows = new ArrayList<>(lines.size());
        for (Line line : lines) {
            byte[] hash = hash(version, previous, at, line.actor(), line.action(), line.regionCode(), line.detail());
            rows.add(new Object[] {Timestamp.from(at), line.actor(), line.action(), line.regionCode(), line.detail(), previous, hash,
                    version, head.chain()});
            previous = hash;
        }
        if (rows.size() == 1) {
            // the usual single entry: the entry and the head in one statement
            Object[] row = rows.getFirst();
            jdbc.sql("""
                            WITH head AS (UPDATE audit_chain_head SET last_hash = ? WHERE chain = ?)
                            INSERT INTO audit_log (at, actor, action, region_code, detail, prev_hash, hash, key_version, chain)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(previous, head.chain(), row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8]).update();
            return;
        }
        for (int from = 0; from < rows.size(); from += 1000) {
            batches.batchUpdate("""
                            INSERT INTO audit_log (at, actor, action, region_code, detail, prev_hash, hash, key_version, chain)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
        jdbc.sql("UPDATE audit_chain_head SET last_hash = ? WHERE chain = ?").params(previous, head.chain()).update();
    }

    private record Head(int chain, byte[] lastHash) {

        static Head of(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
            return new Head(rs.getInt(1), rs.getBytes(2));
        }
    }

    /** Where the walk of one chain stands. */
    private static final class Walk {
        byte[] previous;
        long checked;
    }

    /**
     * Walks the whole log in order and checks every link of every chain; stops at the first that does not fit. Run it
     * in one repeatable-read transaction when others may be writing (the command does), so that rows and heads agree.
     */
    public Verdict verify() {
        long beforeChain = jdbc.sql("SELECT count(*) FROM audit_log WHERE hash IS NULL").query(Long.class).single();
        Map<Integer, Walk> walks = new TreeMap<>();
        long[] linksOnly = {0};
        Long[] broken = {null};
        String[] reason = {null};
        jdbc.sql("""
                        SELECT id, at, actor, action, region_code, detail, prev_hash, hash, key_version, chain
                        FROM audit_log WHERE hash IS NOT NULL ORDER BY id""")
                .query(rs -> {
                    if (broken[0] != null) {
                        return;
                    }
                    long id = rs.getLong(1);
                    byte[] prev = rs.getBytes(7);
                    byte[] stored = rs.getBytes(8);
                    int version = rs.getInt(9);
                    if (rs.wasNull()) {
                        // chained before entries named their key: under key 1 when a key is configured, else unkeyed
                        version = ring != null ? 1 : UNKEYED;
                    }
                    Walk walk = walks.get(rs.getInt(10));
                    if (walk != null && !MessageDigest.isEqual(prev, walk.previous)) {
                        broken[0] = id;
                        reason[0] = "its previous hash is not the hash of the entry before it in chain %d (an entry was removed or inserted)"
                                .formatted(rs.getInt(10));
                        return;
                    }
                    if (version != UNKEYED && !keys.containsKey(version)) {
                        linksOnly[0]++;
                    } else if (!MessageDigest.isEqual(stored, hash(version, prev, rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)))) {
                        broken[0] = id;
                        reason[0] = "its content does not match its hash (it was edited)";
                        return;
                    }
                    walk = walks.computeIfAbsent(rs.getInt(10), chain -> new Walk());
                    walk.previous = stored;
                    walk.checked++;
                });
        if (broken[0] == null) {
            Map<Integer, byte[]> heads = new HashMap<>();
            jdbc.sql("SELECT chain, last_hash FROM audit_chain_head").query(rs -> {
                heads.put(rs.getInt(1), rs.getBytes(2));
            });
            for (int chain = 0; chain < CHAINS && broken[0] == null; chain++) {
                Walk walk = walks.get(chain);
                if (!heads.containsKey(chain)) {
                    reason[0] = "the head of chain %d was removed".formatted(chain);
                } else if (walk != null && !MessageDigest.isEqual(heads.get(chain), walk.previous)) {
                    reason[0] = "the last entries of chain %d were removed (its head is %s…)".formatted(chain,
                            heads.get(chain) == null ? "empty" : HexFormat.of().formatHex(heads.get(chain)).substring(0, 16));
                } else if (walk == null && heads.get(chain) != null) {
                    reason[0] = "every entry of chain %d was removed".formatted(chain);
                }
                if (reason[0] != null) {
                    broken[0] = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_log").query(Long.class).single();
                }
            }
        }
        long checked = walks.values().stream().mapToLong(walk -> walk.checked).sum();
        return new Verdict(checked, beforeChain, broken[0], reason[0], ring != null, linksOnly[0]);
    }

    /** How many chained entries are under each key version (0: unkeyed), for {@code rotate-keys}. */
    public Map<Integer, Long> countByVersion() {
        Map<Integer, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT coalesce(key_version, -1), count(*) FROM audit_log WHERE hash IS NOT NULL GROUP BY 1")
                .query(rs -> {
                    int version = rs.getInt(1) == -1 ? (ring != null ? 1 : UNKEYED) : rs.getInt(1);
                    counts.merge(version, rs.getLong(2), Long::sum);
                });
        return counts;
    }

    byte[] hash(int version, byte[] previous, Instant at, String actor, String action, String region, String detail) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(256);
        field(data, previous);
        field(data, ByteBuffer.allocate(8).putLong(ChronoUnit.MICROS.between(Instant.EPOCH, at)).array());
        for (String text : new String[] {actor, action, region, detail}) {
            field(data, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
        }
        if (version == UNKEYED) {
            return CipherAlgorithm.AES_256_GCM.mac(UNKEYED_KEY, data.toByteArray());
        }
        return ring.key(version).orElseThrow().mac(keys.get(version), data.toByteArray());
    }

    /** A field as its length (-1 for none) and its bytes, so that no two different entries read alike. */
    private static void field(ByteArrayOutputStream data, byte[] bytes) {
        data.writeBytes(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
        if (bytes != null) {
            data.writeBytes(bytes);
        }
    }
}
