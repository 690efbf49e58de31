package org.wuyi.region.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.wuyi.identity.AuditLog;
import org.wuyi.region.DivisionsImported;
import org.wuyi.region.RegionLevel;
import org.wuyi.shared.RegionCode;

/**
 * Imports divisions from files in the china-division CSV format, all or nothing, in one transaction:
 * <ol>
 * <li>each row is checked on its own (columns, code format, ancestor codes, name, encoding) and the
 * good rows stream into a temporary staging table with PostgreSQL's COPY, so the heap stays small
 * however large the files are;</li>
 * <li>checks across rows run in the database: duplicated codes, and parents found neither in the
 * files nor among the divisions already stored;</li>
 * <li>with no problem anywhere, one upsert applies the rows; a row equal to the stored one is not
 * touched, so importing the same files twice changes nothing.</li>
 * </ol>
 * With any problem the transaction rolls back and the problems are returned with file and line.
 */
@Service
public class DivisionImporter {

    /** Problems listed in full; beyond this only their number is given. */
    static final int PROBLEM_LIMIT = 200;

    private static final int PROGRESS_EVERY = 100_000;
    private static final int COPY_BUFFER = 1 << 20;
    private static final int MAX_NAME_LENGTH = 100;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    DivisionImporter(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions, AuditLog audit,
                     ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Imports the rows of {@code scope} (a division code: that division, its ancestors and everything
     * below it; or {@code null} for everything in the files), recording {@code actor} in the audit log.
     */
    public DivisionImportResult importDivisions(DivisionSource source, RegionCode scope, String actor,
                                                ImportProgress progress) {
        return transactions.execute(status -> {
            Problems problems = new Problems();
            long staged = stage(source, scope, problems, progress);
            if (staged == 0 && problems.count == 0) {
                problems.add(new ImportProblem("", 0, "import.problem.nothing-in-scope",
                        scope == null ? "*" : scope.value()));
            }
            if (problems.count == 0) {
                progress.report("import.progress.checking", staged);
                findDuplicates(problems);
                findMissingParents(problems);
            }
            if (problems.count > 0) {
                status.setRollbackOnly();
                return problems.refusal();
            }
            progress.report("import.progress.applying", staged);
            DivisionImportResult.Applied applied = apply(staged);
            if (applied.inserted() + applied.updated() > 0) {
                String scopeText = scope == null ? "all" : scope.value();
                audit.recordAs(actor, "region.divisions-imported", scope == null ? null : scope.value(),
                        "source=%s inserted=%d updated=%d unchanged=%d".formatted(source.describe(),
                                applied.inserted(), applied.updated(), applied.unchanged()));
                events.publishEvent(new DivisionsImported(scopeText, applied.inserted(), applied.updated()));
            }
            return applied;
        });
    }

    private long stage(DivisionSource source, RegionCode scope, Problems problems, ImportProgress progress) {
        jdbc.sql("""
                CREATE TEMP TABLE division_stage (
                    ord BIGSERIAL, file TEXT, line BIGINT, code TEXT COLLATE "C", name TEXT, level TEXT,
                    parent_code TEXT COLLATE "C") ON COMMIT DROP""").update();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        long staged = 0;
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY division_stage (file, line, code, name, level, parent_code) FROM STDIN (FORMAT csv)");
            try {
                CopyWriter writer = new CopyWriter(copy);
                for (DivisionFile file : DivisionFile.values()) {
                    Optional<InputStream> in = source.open(file);
                    if (in.isEmpty()) {
                        continue;
                    }
                    try (InputStream stream = in.get()) {
                        staged += stageFile(file, stream, scope, writer, problems, progress);
                    }
                }
                writer.flush();
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            jdbc.sql("ANALYZE division_stage").update();
        } catch (SQLException exception) {
            throw new IllegalStateException("staging divisions failed", exception);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
        return staged;
    }

    private long stageFile(DivisionFile file, InputStream stream, RegionCode scope, CopyWriter writer,
                           Problems problems, ImportProgress progress) throws IOException, SQLException {
        String name = file.fileName();
        progress.report("import.progress.reading", name);
        // Broken bytes (a GBK file, a cut-off character) become U+FFFD and are reported with their line.
        Reader reader = new InputStreamReader(skipBom(stream), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
        long rows = 0;
        long staged = 0;
        try (CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            long line = 1;
            try {
                if (!records.hasNext()) {
                    problems.add(new ImportProblem(name, 1, "import.problem.empty-file"));
                    return 0;
                }
                CSVRecord header = records.next();
                if (!header.toList().equals(file.columns())) {
                    problems.add(new ImportProblem(name, 1, "import.problem.header", String.join(",", file.columns())));
                    return 0;
                }
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    line = record.getRecordNumber();
                    rows++;
                    if (rows % PROGRESS_EVERY == 0) {
                        progress.report("import.progress.rows", name, rows);
                    }
                    Optional<String> code = check(file, record, line, problems);
                    if (code.isEmpty()) {
                        continue;
                    }
                    String value = code.get();
                    if (scope != null && !value.startsWith(scope.value()) && !scope.value().startsWith(value)) {
                        continue;
                    }
                    String parent = file.level() == RegionLevel.PROVINCE ? null
                            : value.substring(0, RegionLevel.values()[file.level().ordinal() - 1].codeLength());
                    writer.row(name, line, value, record.get(1).strip(), file.level().name(), parent);
                    staged++;
                }
            } catch (UncheckedIOException | IllegalStateException broken) {
                // The CSV itself is broken (an unclosed quote): nothing after this point can be trusted.
                problems.add(new ImportProblem(name, Math.max(line + 1, parser.getCurrentLineNumber()),
                        "import.problem.malformed-csv"));
            }
        }
        progress.report("import.progress.file-done", name, rows, staged);
        return staged;
    }

    /** Checks one row on its own; the code when it is good. */
    private static Optional<String> check(DivisionFile file, CSVRecord record, long line, Problems problems) {
        String name = file.fileName();
        for (String value : record) {
            if (value.indexOf('\uFFFD') >= 0) {
                problems.add(new ImportProblem(name, line, "import.problem.encoding"));
                return Optional.empty();
            }
        }
        if (record.size() != file.columns().size()) {
            problems.add(new ImportProblem(name, line, "import.problem.columns", file.columns().size(), record.size()));
            return Optional.empty();
        }
        String code = record.get(0).strip();
        if (!code.chars().allMatch(Character::isDigit) || code.length() != file.level().codeLength()) {
            problems.add(new ImportProblem(name, line, "import.problem.code-format", file.level().codeLength()));
            return Optional.empty();
        }
        for (int column = 2; column < record.size(); column++) {
            String ancestor = record.get(column).strip();
            String columnName = file.columns().get(column);
            if (!code.startsWith(ancestor) || ancestor.length() != DivisionFile.ancestorLength(columnName)) {
                problems.add(new ImportProblem(name, line, "import.problem.ancestor-mismatch", code, columnName));
                return Optional.empty();
            }
        }
        String regionName = record.get(1).strip();
        if (regionName.isEmpty() || regionName.length() > MAX_NAME_LENGTH
                || regionName.chars().anyMatch(Character::isISOControl)) {
            problems.add(new ImportProblem(name, line, "import.problem.name", code, MAX_NAME_LENGTH));
            return Optional.empty();
        }
        return Optional.of(code);
    }

    private void findDuplicates(Problems problems) {
        long duplicates = jdbc.sql("""
                        SELECT coalesce(sum(n - 1), 0) FROM (
                            SELECT count(*) AS n FROM division_stage GROUP BY code HAVING count(*) > 1) d""")
                .query(Long.class).single();
        if (duplicates == 0) {
            return;
        }
        List<ImportProblem> listed = jdbc.sql("""
                        SELECT file, line, code, first_line FROM (
                            SELECT file, line, code, ord,
                                   first_value(line) OVER (PARTITION BY code ORDER BY ord) AS first_line,
                                   row_number() OVER (PARTITION BY code ORDER BY ord) AS n
                            FROM division_stage) d
                        WHERE n > 1 ORDER BY ord LIMIT :limit""")
                .param("limit", PROBLEM_LIMIT)
                .query((rs, row) -> new ImportProblem(rs.getString("file"), rs.getLong("line"),
                        "import.problem.duplicate", rs.getString("code"), rs.getLong("first_line")))
                .list();
        problems.addFirstOf(listed, duplicates);
    }

    private void findMissingParents(Problems problems) {
        long[] total = {0};
        List<ImportProblem> listed = jdbc.sql("""
                        SELECT s.file, s.line, s.code, s.parent_code, count(*) OVER () AS total FROM division_stage s
                        WHERE s.parent_code IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM division_stage p WHERE p.code = s.parent_code)
                          AND NOT EXISTS (SELECT 1 FROM region r WHERE r.code = s.parent_code)
                        ORDER BY s.ord LIMIT :limit""")
                .param("limit", PROBLEM_LIMIT)
                .query((rs, row) -> {
                    total[0] = rs.getLong("total");
                    return new ImportProblem(rs.getString("file"), rs.getLong("line"),
                            "import.problem.parent-missing", rs.getString("code"), rs.getString("parent_code"));
                })
                .list();
        problems.addFirstOf(listed, total[0]);
    }

    private DivisionImportResult.Applied apply(long staged) {
        return jdbc.sql("""
                        WITH upserted AS (
                            INSERT INTO region (code, name, level, parent_code)
                            SELECT code, name, level, parent_code FROM division_stage ORDER BY ord
                            ON CONFLICT (code) DO UPDATE
                                SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code
                                WHERE (region.name, region.level, region.parent_code)
                                      IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.parent_code)
                            RETURNING (xmax = 0) AS inserted)
                        SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated
                        FROM upserted""")
                .query((rs, row) -> new DivisionImportResult.Applied(staged, rs.getLong("inserted"), rs.getLong("updated")))
                .single();
    }

    private static InputStream skipBom(InputStream stream) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(stream, 1 << 16);
        buffered.mark(3);
        byte[] head = buffered.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            buffered.reset();
        }
        return buffered;
    }

    /** Collects problems in file and line order: the first {@link #PROBLEM_LIMIT} in full, the rest counted. */
    private static final class Problems {
        private final List<ImportProblem> listed = new ArrayList<>();
        private long count;

        void add(ImportProblem problem) {
            count++;
            listed.add(problem);
            if (listed.size() > 4 * PROBLEM_LIMIT) {
                trim();
            }
        }

        /** Adds the first problems of a kind the database found, and counts all {@code total} of them. */
        void addFirstOf(List<ImportProblem> first, long total) {
            first.forEach(this::add);
            count += total - first.size();
        }

        private void trim() {
            listed.sort(ImportProblem.IN_FILE_ORDER);
            listed.subList(PROBLEM_LIMIT, listed.size()).clear();
        }

        DivisionImportResult.Refused refusal() {
            if (listed.size() > PROBLEM_LIMIT) {
                trim();
            }
            listed.sort(ImportProblem.IN_FILE_ORDER);
            return new DivisionImportResult.Refused(List.copyOf(listed), count);
        }
    }

    /** Rows in COPY's CSV format, sent to the server a megabyte at a time. */
    private static final class CopyWriter {
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(COPY_BUFFER + 4096);

        CopyWriter(CopyIn copy) {
            this.copy = copy;
        }

        void row(String file, long line, String code, String name, String level, String parent) throws SQLException {
            buffer.append(file).append(',').append(line).append(',').append(code).append(',');
            quote(name);
            buffer.append(',').append(level).append(',');
            if (parent != null) {
                buffer.append(parent);
            }
            buffer.append('\n');
            if (buffer.length() >= COPY_BUFFER) {
                flush();
            }
        }

        private void quote(String value) {
            buffer.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    buffer.append('"');
                }
                buffer.append(c);
            }
            buffer.append('"');
        }

        void flush() throws SQLException {
            if (!buffer.isEmpty()) {
                byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                buffer.setLength(0);
            }
        }
    }
}
