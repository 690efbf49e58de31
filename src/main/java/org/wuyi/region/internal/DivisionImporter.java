package org.wuyi.region.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.wuyi.identity.AuditLog;
import org.wuyi.platform.jdbc.PgCopy;
import org.wuyi.region.DivisionsImported;
import org.wuyi.shared.RegionCode;

/**
 * Imports divisions from files in the china-division CSV format, all or nothing, in one transaction
 * and one pass over the files:
 * <ul>
 * <li>each row is checked (columns, code format, ancestor columns, name, encoding), and against the
 * rows before it and the divisions already stored: a duplicated code, or a parent found in neither, is
 * refused. The files are read from provinces down to villages, so a parent is always known before its
 * children;</li>
 * <li>new divisions stream straight into the {@code region} table with PostgreSQL's COPY while the
 * files are still being read; renamed ones are updated afterwards; unchanged ones are not touched, so
 * importing the same files twice changes nothing;</li>
 * <li>with any problem anywhere, the transaction rolls back and the problems are returned with their
 * file and line.</li>
 * </ul>
 * Memory grows with the number of divisions in scope (about 100 MiB for the whole country), never
 * with the size of the files.
 */
@Service
public class DivisionImporter {

    /** Problems listed in full; beyond this only their number is given. */
    static final int PROBLEM_LIMIT = 200;

    private static final int PROGRESS_EVERY = 100_000;
    private static final int MAX_NAME_LENGTH = 100;
    /** Serialises imports: two at once would both try to insert the same new codes. */
    private static final long IMPORT_LOCK = 0x5775_7969_0001L;

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
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(IMPORT_LOCK).query(rs -> {
            });
            Run run = new Run(scope, stored(scope));
            // Into an empty table (a new installation), load first and index afterwards, as PostgreSQL's
            // "Populating a Database" advises: one sort instead of a B-tree insertion per row (the whole
            // country: 1.33 s -> 1.13 s, measured with bench/region-import.sh). Dropping the key locks the
            // table until commit, harmless while it is empty. Should another table ever reference
            // region_pkey, this drop fails loudly rather than silently losing the reference.
            boolean bulkLoad = !jdbc.sql("SELECT EXISTS (SELECT 1 FROM region)").query(Boolean.class).single();
            if (bulkLoad) {
                jdbc.sql("ALTER TABLE region DROP CONSTRAINT region_pkey").update();
            }
            try {
                run.copy(source, progress);
            } catch (IOException exception) {
                throw new UncheckedIOException(exception);
            }
            if (run.rows == 0 && run.problemCount == 0) {
                run.problem(new ImportProblem("", 0, "import.problem.nothing-in-scope",
                        scope == null ? "*" : scope.value()));
            }
            if (run.problemCount > 0) {
                status.setRollbackOnly();
                return new DivisionImportResult.Refused(List.copyOf(run.problems), run.problemCount);
            }
            if (bulkLoad) {
                jdbc.sql("ALTER TABLE region ADD CONSTRAINT region_pkey PRIMARY KEY (code)").update();
            }
            if (!run.renamed.isEmpty()) {
                progress.report("import.progress.applying", run.renamed.size());
            }
            run.renamed.forEach((code, name) ->
                    jdbc.sql("UPDATE region SET name = ? WHERE code = ?").params(name, code).update());
            DivisionImportResult.Applied applied = new DivisionImportResult.Applied(run.rows, run.inserted,
                    run.renamed.size());
            if (applied.inserted() + applied.updated() > 0) {
                audit.recordAs(actor, "region.divisions-imported", scope == null ? null : scope.value(),
                        "source=%s inserted=%d updated=%d unchanged=%d".formatted(source.describe(),
                                applied.inserted(), applied.updated(), applied.unchanged()));
                events.publishEvent(new DivisionsImported(scope == null ? "all" : scope.value(), applied.inserted(),
                        applied.updated()));
            }
            return applied;
        });
    }

    /**
     * The divisions already stored in the scope and above it: code key → a 64-bit fingerprint of the name.
     * A primitive table instead of a {@code HashMap<Long, String>}: re-importing the whole country holds 665,276
     * of these, 32 MiB instead of about 110 MiB. Two different names share a fingerprint with odds of 1 in 2^64;
     * only then would a rename be missed.
     */
    private CodeTable stored(RegionCode scope) {
        CodeTable stored = new CodeTable();
        var query = scope == null
                ? jdbc.sql("SELECT code, name FROM region")
                : jdbc.sql("SELECT code, name FROM region WHERE (code >= ? AND code < ?) OR code = ANY (?)")
                .params(scope.value(), scope.upperBound(),
                        scope.lineage().stream().map(RegionCode::value).toArray(String[]::new));
        query.query(rs -> {
            stored.putIfAbsent(CodeTable.key(rs.getString(1)), fingerprint(rs.getString(2)));
        });
        return stored;
    }

    /** FNV-1a over the name's characters, 64 bits. */
    static long fingerprint(String name) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            hash ^= name.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** One import: what has been seen, what is stored, what is wrong. */
    private final class Run {
        private final RegionCode scope;
        private final CodeTable stored;
        /** Line of each code read so far, for duplicates and parents. */
        private final CodeTable seen = new CodeTable();
        /** New names of stored divisions, by code: renames are few, so they are applied after the COPY. */
        private final Map<String, String> renamed = new LinkedHashMap<>();
        private final List<ImportProblem> problems = new ArrayList<>();
        private long problemCount;
        private long rows;
        private long inserted;

        Run(RegionCode scope, CodeTable stored) {
            this.scope = scope;
            this.stored = stored;
        }

        void problem(ImportProblem problem) {
            problemCount++;
            if (problems.size() < PROBLEM_LIMIT) {
                problems.add(problem);
            }
        }

        /** Reads every file; new divisions stream into the table (a sender thread overlaps the reading with the server's work). */
        void copy(DivisionSource source, ImportProgress progress) throws IOException {
            try (PgCopy.Writer writer = PgCopy.open(dataSource, "region (code, name)", true)) {
                for (DivisionFile file : DivisionFile.values()) {
                    Optional<InputStream> in = source.open(file);
                    if (in.isPresent()) {
                        try (InputStream stream = in.get()) {
                            read(file, stream, writer, progress);
                        }
                    }
                }
                if (problemCount == 0) {
                    writer.finish();
                }
            }
        }

        private void read(DivisionFile file, InputStream stream, PgCopy.Writer writer, ImportProgress progress)
                throws IOException {
            String name = file.fileName();
            progress.report("import.progress.reading", name);
            // Broken bytes (a GBK file, a cut-off character) become U+FFFD and are reported with their line.
            Reader reader = new InputStreamReader(skipBom(stream), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE));
            long fileRows = 0;
            long inScope = 0;
            try (CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
                Iterator<CSVRecord> records = parser.iterator();
                long line = 1;
                try {
                    if (!records.hasNext()) {
                        problem(new ImportProblem(name, 1, "import.problem.empty-file"));
                        return;
                    }
                    if (!records.next().toList().equals(file.columns())) {
                        problem(new ImportProblem(name, 1, "import.problem.header", String.join(",", file.columns())));
                        return;
                    }
                    while (records.hasNext()) {
                        CSVRecord record = records.next();
                        line = record.getRecordNumber();
                        if (++fileRows % PROGRESS_EVERY == 0) {
                            progress.report("import.progress.rows", name, fileRows);
                        }
                        String code = check(file, record, line);
                        if (code != null && inScope(code)) {
                            inScope++;
                            accept(file, line, code, record.get(1).strip(), writer);
                        }
                    }
                } catch (UncheckedIOException | IllegalStateException broken) {
                    // The CSV itself is broken (an unclosed quote): nothing after this point can be trusted.
                    problem(new ImportProblem(name, Math.max(line + 1, parser.getCurrentLineNumber()),
                            "import.problem.malformed-csv"));
                }
            }
            progress.report("import.progress.file-done", name, fileRows, inScope);
        }

        private boolean inScope(String code) {
            return scope == null || code.startsWith(scope.value()) || scope.value().startsWith(code);
        }

        private void accept(DivisionFile file, long line, String code, String regionName, PgCopy.Writer writer) {
            String fileName = file.fileName();
            long key = CodeTable.key(code);
            long firstLine = seen.putIfAbsent(key, line);
            if (firstLine >= 0) {
                problem(new ImportProblem(fileName, line, "import.problem.duplicate", code, firstLine));
                return;
            }
            long parentKey = CodeTable.parentKey(key);
            if (file != DivisionFile.PROVINCES && !seen.contains(parentKey) && !stored.contains(parentKey)) {
                problem(new ImportProblem(fileName, line, "import.problem.parent-missing", code,
                        RegionCode.of(code).parent().orElseThrow().value()));
                return;
            }
            rows++;
            if (stored.size() == 0 || !stored.contains(key)) {
                inserted++;
                if (problemCount == 0) {
                    writer.row(code, regionName);
                }
            } else if (stored.getOrDefault(key, 0) != fingerprint(regionName)) {
                renamed.put(code, regionName);
            }
        }

        /** Checks one row on its own; its code when it is good, else null. */
        private String check(DivisionFile file, CSVRecord record, long line) {
            String fileName = file.fileName();
            for (String value : record) {
                if (value.indexOf('\uFFFD') >= 0) {
                    problem(new ImportProblem(fileName, line, "import.problem.encoding"));
                    return null;
                }
            }
            if (record.size() != file.columns().size()) {
                problem(new ImportProblem(fileName, line, "import.problem.columns", file.columns().size(), record.size()));
                return null;
            }
            String code = record.get(0).strip();
            if (code.length() != file.level().codeLength() || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
                problem(new ImportProblem(fileName, line, "import.problem.code-format", file.level().codeLength()));
                return null;
            }
            for (int column = 2; column < record.size(); column++) {
                String ancestor = record.get(column).strip();
                String columnName = file.columns().get(column);
                if (ancestor.length() != DivisionFile.ancestorLength(columnName) || !code.startsWith(ancestor)) {
                    problem(new ImportProblem(fileName, line, "import.problem.ancestor-mismatch", code, columnName));
                    return null;
                }
            }
            String regionName = record.get(1).strip();
            if (regionName.isEmpty() || regionName.length() > MAX_NAME_LENGTH
                    || regionName.chars().anyMatch(Character::isISOControl)) {
                problem(new ImportProblem(fileName, line, "import.problem.name", code, MAX_NAME_LENGTH));
                return null;
            }
            return code;
        }
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
}
