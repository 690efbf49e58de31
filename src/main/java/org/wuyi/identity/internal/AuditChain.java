package org.wuyi.identity.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The audit log's hash chain. Entries are appended under the lock of the one-row {@code audit_chain_head}, so there
 * is one order; each carries the previous entry's hash and its own: HMAC-SHA-256, under a key derived from
 * {@code wuyi.identity.key}, over the previous hash and the entry's time (microseconds), actor, action, region and
 * detail, each length-prefixed. Whoever edits a row by SQL (bypassing the table's trigger as a superuser can) cannot
 * recompute the chain without the key; {@link #verify} names the first entry that does not fit. Without the key the
 * chain is an unkeyed SHA-256 chain: it still shows an edit, but not one made by someone who recomputes it.
 */
@Component
public class AuditChain {

    /** An entry to append. */
    public record Line(String actor, String action, String regionCode, String detail) {
    }

    /** What {@link #verify} found: entries checked, entries from before the chain, the first broken entry if any. */
    public record Verdict(long checked, long beforeChain, Long firstBroken, String reason, boolean keyed) {

        public boolean intact() {
            return firstBroken == null;
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;
    private final SecretKeySpec key;
    private final boolean keyed;

    AuditChain(JdbcClient jdbc, JdbcTemplate batches, Clock clock, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
        String base = properties.key();
        byte[] material = StringUtils.hasText(base)
                ? hmac(new SecretKeySpec(Base64.getDecoder().decode(base), "HmacSHA256"), "wuyi-audit-chain".getBytes(StandardCharsets.UTF_8))
                : "wuyi-audit-chain-unkeyed".getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(material, "HmacSHA256");
        this.keyed = StringUtils.hasText(base);
    }

    /** Appends entries in the caller's transaction (which holds the chain's lock until it ends). */
    public void append(List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        byte[] previous = jdbc.sql("SELECT last_hash FROM audit_chain_head FOR UPDATE").query((rs, row) -> rs.getBytes(1))
                .optional().orElse(null);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Object[]> rows = new ArrayList<>(lines.size());
        for (Line line : lines) {
            byte[] hash = hash(previous, at, line.actor(), line.action(), line.regionCode(), line.detail());
            rows.add(new Object[] {Timestamp.from(at), line.actor(), line.action(), line.regionCode(), line.detail(), previous, hash});
            previous = hash;
        }
        for (int from = 0; from < rows.size(); from += 1000) {
            batches.batchUpdate("INSERT INTO audit_log (at, actor, action, region_code, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
        jdbc.sql("UPDATE audit_chain_head SET last_hash = ?").param(previous).update();
    }

    /**
     * Walks the whole log in order and checks every link; stops at the first that does not fit. Run it in one
     * repeatable-read transaction when others may be writing (the command does), so that rows and head agree.
     */
    public Verdict verify() {
        long beforeChain = jdbc.sql("SELECT count(*) FROM audit_log WHERE hash IS NULL").query(Long.class).single();
        long[] checked = {0};
        byte[][] previous = {null};
        boolean[] first = {true};
        Long[] broken = {null};
        String[] reason = {null};
        jdbc.sql("SELECT id, at, actor, action, region_code, detail, prev_hash, hash FROM audit_log WHERE hash IS NOT NULL ORDER BY id")
                .query(rs -> {
                    if (broken[0] != null) {
                        return;
                    }
                    long id = rs.getLong(1);
                    byte[] prev = rs.getBytes(7);
                    byte[] stored = rs.getBytes(8);
                    if (!first[0] && !MessageDigest.isEqual(prev, previous[0])) {
                        broken[0] = id;
                        reason[0] = "its previous hash is not the hash of the entry before it (an entry was removed or inserted)";
                        return;
                    }
                    byte[] computed = hash(prev, rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6));
                    if (!MessageDigest.isEqual(computed, stored)) {
                        broken[0] = id;
                        reason[0] = "its content does not match its hash (it was edited)";
                        return;
                    }
                    first[0] = false;
                    previous[0] = stored;
                    checked[0]++;
                });
        if (broken[0] == null && previous[0] != null) {
            byte[] head = jdbc.sql("SELECT last_hash FROM audit_chain_head").query((rs, row) -> rs.getBytes(1)).single();
            if (!MessageDigest.isEqual(head, previous[0])) {
                reason[0] = "the last entries were removed (the chain's head is " + HexFormat.of().formatHex(head).substring(0, 16) + "…)";
                broken[0] = jdbc.sql("SELECT max(id) FROM audit_log").query(Long.class).single();
            }
        }
        return new Verdict(checked[0], beforeChain, broken[0], reason[0], keyed);
    }

    byte[] hash(byte[] previous, Instant at, String actor, String action, String region, String detail) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        ByteBuffer buffer = ByteBuffer.allocate(8);
        buffer.putLong(micros);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            field(mac, previous);
            field(mac, buffer.array());
            for (String text : new String[] {actor, action, region, detail}) {
                field(mac, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
            }
            return mac.doFinal();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A field as its length (-1 for none) and its bytes, so that no two different entries read alike. */
    private static void field(Mac mac, byte[] bytes) {
        mac.update(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
        if (bytes != null) {
            mac.update(bytes);
        }
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
