package org.wuyi.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.postgresql.PGConnection;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.WuyiApplication;
import org.wuyi.region.internal.DivisionFile;
import org.wuyi.region.internal.DivisionImportResult;
import org.wuyi.region.internal.DivisionImporter;
import org.wuyi.region.internal.DivisionSource;
import org.wuyi.region.internal.ImportProgress;

/**
 * Benchmark of issue 2: Wuyi's import of the whole national division files into an empty database,
 * against PostgreSQL's own COPY of the same rows into bare tables, on one embedded PostgreSQL 17.
 * Run it through {@code bench/region-import.sh DIR} (with -Xmx512m).
 */
public final class DivisionImportBenchmark {

    private DivisionImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: DivisionImportBenchmark DIR   (DIR holds the china-division CSV files)");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        try (BenchDatabase postgres = BenchDatabase.start("wuyi_bench", "copy_bench")) {
            try (ConfigurableApplicationContext wuyi = new SpringApplicationBuilder(WuyiApplication.class)
                    .web(WebApplicationType.NONE)
                    .run(postgres.wuyiArguments("wuyi_bench", "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
                 Connection copy = postgres.connect("copy_bench")) {
                run(dir, wuyi.getBean(DivisionImporter.class), wuyi.getBean(JdbcClient.class), copy);
            }
        }
    }

    private static void run(Path dir, DivisionImporter importer, JdbcClient jdbc, Connection copy) throws Exception {
        try (Statement statement = copy.createStatement()) {
            statement.execute("CREATE TABLE bare_provinces (code text, name text)");
            statement.execute("CREATE TABLE bare_cities (code text, name text, province_code text)");
            statement.execute("CREATE TABLE bare_areas (code text, name text, city_code text, province_code text)");
            statement.execute("CREATE TABLE bare_streets (code text, name text, area_code text, province_code text, city_code text)");
            statement.execute("CREATE TABLE bare_villages (code text, name text, street_code text, province_code text, city_code text, area_code text)");
        }
        long rows = 0;
        for (DivisionFile file : DivisionFile.values()) {
            try (var lines = Files.lines(dir.resolve(file.fileName()))) {
                rows += lines.count() - 1;
            }
        }
        System.out.printf(Locale.ROOT, "rows in the five files: %,d (streets.csv + villages.csv and their 3,351 ancestors)%n", rows);

        long expected = rows;
        LiveHeap live = LiveHeap.watch();
        // Baseline: PostgreSQL's COPY of the five files into bare tables. Subject: Wuyi's import into an empty region
        // table. They alternate round by round (see Rounds); each starts from empty tables after a checkpoint.
        List<Double> reimportSeconds = new ArrayList<>();
        Rounds.Result result = Rounds.compare("whole country: Wuyi import vs PostgreSQL COPY", 5, 11, 0.25, () -> {
            try (Statement statement = copy.createStatement()) {
                statement.execute("TRUNCATE bare_provinces, bare_cities, bare_areas, bare_streets, bare_villages");
            }
            jdbc.sql("CHECKPOINT").update();
            long start = System.nanoTime();
            for (DivisionFile file : DivisionFile.values()) {
                try (InputStream in = Files.newInputStream(dir.resolve(file.fileName()))) {
                    copy.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bare_" + file.name().toLowerCase(Locale.ROOT)
                            + " FROM STDIN (FORMAT csv, HEADER true)", in);
                }
            }
            return seconds(start);
        }, () -> {
            jdbc.sql("TRUNCATE region").update();
            jdbc.sql("CHECKPOINT").update();
            long start = System.nanoTime();
            DivisionImportResult imported = importer.importDivisions(DivisionSource.directory(dir), null, "bench", ImportProgress.SILENT);
            double took = seconds(start);
            if (!(imported instanceof DivisionImportResult.Applied applied) || applied.inserted() != expected) {
                throw new IllegalStateException("import did not insert every row: " + imported);
            }
            // Untimed here, reported apart: the same files again, nothing to change (holds every stored division).
            long again = System.nanoTime();
            DivisionImportResult second = importer.importDivisions(DivisionSource.directory(dir), null, "bench", ImportProgress.SILENT);
            reimportSeconds.add(seconds(again));
            if (!(second instanceof DivisionImportResult.Applied unchanged) || unchanged.unchanged() != expected) {
                throw new IllegalStateException("second import changed something: " + second);
            }
            return took;
        });
        long stored = jdbc.sql("SELECT count(*) FROM region").query(Long.class).single();
        double importMedian = Rounds.median(result.subject());
        System.out.printf(Locale.ROOT, "%nover %,d rows (%,d stored):%n", rows, stored);
        System.out.printf(Locale.ROOT, "  PostgreSQL COPY into bare tables : %6.2f s median%n", Rounds.median(result.baseline()));
        System.out.printf(Locale.ROOT, "  Wuyi import into an empty region : %6.2f s median (%,.0f rows/s)%n", importMedian, rows / importMedian);
        System.out.printf(Locale.ROOT, "  Wuyi re-import, nothing changed  : %6.2f s median%n", Rounds.median(reimportSeconds));
        System.out.printf(Locale.ROOT, "  ratio import / COPY              : %s  (goal: within 3x)%n", result.ratio());
        System.out.printf(Locale.ROOT, "  max heap %d MiB; heap in use (garbage included), sum of pool peaks %d MiB;%n"
                        + "  live heap after a collection, highest seen %d MiB (what the import holds)%n",
                Runtime.getRuntime().maxMemory() >> 20, peakHeapUsed() >> 20, live.highest() >> 20);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }


    private static long peakHeapUsed() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
