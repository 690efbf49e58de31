package org.wuyi.platform.backup;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consistent copy of the whole database in one encrypted file, and back. The backup reads every table in one
 * repeatable-read, read-only transaction (one snapshot, while Wuyi runs), with COPY, into a zip — the schema version
 * and the tables first, each table's rows and SHA-256 last — sealed chunk by chunk ({@link SealedStream}), written to a
 * {@code .partial} file and renamed only when whole. The restore refuses a file that is not a backup, under another
 * key, damaged or cut short, from a newer schema, or a database that is not empty; it migrates the empty database to
 * the file's schema version, loads every table in one transaction, checks every count and checksum, and on any
 * failure leaves the database empty again.
 */
@Service
public class Backups {

    /** What was written or restored: the schema version and each table's rows. */
    public record Summary(String schemaVersion, Map<String, Long> rows, long bytes) {
    }

    private final DataSource dataSource;
    private final BackupProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    Backups(DataSource dataSource, BackupProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    public Summary backup(Path target) throws IOException, SQLException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Map<String, Long> rows = new LinkedHashMap<>();
        String version;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try (OutputStream file = Files.newOutputStream(partial);
                 ZipOutputStream zip = new ZipOutputStream(SealedStream.seal(file, SealedStream.key(properties.key())))) {
                version = schemaVersion(connection);
                List<String> tables = tables(connection);
                Map<String, Object> manifest = new LinkedHashMap<>();
                manifest.put("format", 1);
                manifest.put("schemaVersion", version);
                manifest.put("createdAt", Instant.now().toString());
                manifest.put("tables", tables);
                manifest.put("sequences", sequences(connection));
                zip.putNextEntry(new ZipEntry("manifest.json"));
                zip.write(json.writeValueAsBytes(manifest));
                zip.closeEntry();
                Map<String, Map<String, Object>> sums = new LinkedHashMap<>();
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                for (String table : tables) {
                    zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
                    MessageDigest digest = sha256();
                    CountingStream counted = new CountingStream(new DigestOutputStream(new Unclosable(zip), digest));
                    copy.copyOut("COPY public." + quote(table) + " TO STDOUT", counted);
                    zip.closeEntry();
                    rows.put(table, counted.lines);
                    sums.put(table, Map.of("rows", counted.lines, "sha256", HexFormat.of().formatHex(digest.digest())));
                }
                zip.putNextEntry(new ZipEntry("checksums.json"));
                zip.write(json.writeValueAsBytes(sums));
                zip.closeEntry();
            } finally {
                connection.rollback();
            }
            // on disk before it takes its name, and the name on disk too: a power cut leaves the old file or the whole new one
            try (FileChannel written = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel directory = FileChannel.open(target.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                directory.force(true);
            }
            return new Summary(version, rows, Files.size(target));
        } catch (IOException | SQLException | RuntimeException failure) {
            Files.deleteIfExists(partial);
            throw failure;
        }
    }

    public Summary restore(Path source) throws IOException, SQLException {
        try (InputStream file = Files.newInputStream(source);
             ZipInputStream zip = new ZipInputStream(SealedStream.open(file, SealedStream.keys(properties.key(), properties.keyRetired())))) {
            ZipEntry entry = zip.getNextEntry();
            if (entry == null || !entry.getName().equals("manifest.json")) {
                throw new SealedStream.Refused("backup.refused.damaged");
            }
            JsonNode manifest = json.readTree(zip.readAllBytes());
            String version = manifest.get("schemaVersion").asString();
            Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
            MigrationVersion known = Arrays.stream(flyway.info().all()).map(MigrationInfo::getVersion).filter(Objects::nonNull)
                    .max(MigrationVersion::compareTo).orElseThrow();
            if (MigrationVersion.fromVersion(version).compareTo(known) > 0) {
                throw new SealedStream.Refused("backup.refused.newer-schema");
            }
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                 ResultSet tables = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
                tables.next();
                if (tables.getLong(1) > 0) {
                    throw new SealedStream.Refused("backup.refused.not-empty");
                }
            }
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(MigrationVersion.fromVersion(version))
                    .load().migrate();
            try {
                return load(zip, manifest, version);
            } catch (IOException | SQLException | RuntimeException failure) {
                empty();
                throw failure;
            }
        }
    }

    private Summary load(ZipInputStream zip, JsonNode manifest, String version) throws IOException, SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, String> sums = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // triggers and foreign keys wait: the whole consistent snapshot goes in at once
                statement.execute("SET LOCAL session_replication_role = replica");
                for (JsonNode table : manifest.get("tables")) {
                    statement.execute("DELETE FROM public." + quote(table.asString()));
                }
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                ZipEntry entry;
                JsonNode checksums = null;
                while ((entry = zip.getNextEntry()) != null) {
                    if (entry.getName().equals("checksums.json")) {
                        checksums = json.readTree(zip.readAllBytes());
                        continue;
                    }
                    String table = entry.getName().substring("tables/".length(), entry.getName().length() - ".copy".length());
                    MessageDigest digest = sha256();
                    DigestInputStream in = new DigestInputStream(new UnclosableInput(zip), digest);
                    long loaded = copy.copyIn("COPY public." + quote(table) + " FROM STDIN", in);
                    rows.put(table, loaded);
                    sums.put(table, HexFormat.of().formatHex(digest.digest()));
                }
                if (checksums == null) {
                    throw new SealedStream.Refused("backup.refused.truncated");
                }
                for (Map.Entry<String, Long> table : rows.entrySet()) {
                    JsonNode expected = checksums.get(table.getKey());
                    if (expected == null || expected.get("rows").asLong() != table.getValue()
                            || !expected.get("sha256").asString().equals(sums.get(table.getKey()))) {
                        throw new SealedStream.Refused("backup.refused.damaged");
                    }
                }
                for (var sequence : manifest.get("sequences").properties()) {
                    if (!sequence.getValue().isNull()) {
                        statement.execute("SELECT setval('public." + quote(sequence.getKey()) + "', " + sequence.getValue().asLong() + ")");
                    }
                }
            } catch (IOException | SQLException | RuntimeException failure) {
                connection.rollback();
                throw failure;
            }
            connection.commit();
        }
        return new Summary(version, rows, 0);
    }

    /** After a failed restore: the database as empty as it was. */
    private void empty() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        }
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            if (!row.next()) {
                throw new SQLException("the database holds no Wuyi schema");
            }
            return row.getString(1);
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history' ORDER BY tablename")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static Map<String, Long> sequences(Connection connection) throws SQLException {
        Map<String, Long> sequences = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename")) {
            while (rows.next()) {
                String name = rows.getString(1);
                long value = rows.getLong(2);
                sequences.put(name, rows.wasNull() ? null : value);
            }
        }
        return sequences;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Counts lines (COPY text: one row per line, newlines inside values escaped). */
    private static final class CountingStream extends FilterOutputStream {
        long lines;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (b == '\n') {
                lines++;
            }
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    lines++;
                }
            }
            out.write(bytes, offset, length);
        }
    }

    /** Keeps the zip open when COPY closes what it wrote to. */
    private static final class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final class UnclosableInput extends FilterInputStream {
        UnclosableInput(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip entry is left to the zip
        }
    }
}
