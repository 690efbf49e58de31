package org.wuyi.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.wuyi.WuyiApplication;
import org.wuyi.grid.GridDirectory;
import org.wuyi.grid.GridKind;
import org.wuyi.shared.RegionCode;
import org.wuyi.shared.ResidentId;
import org.wuyi.staff.RosterImportService;
import org.wuyi.staff.StaffService;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Benchmark of issue 4, on one embedded PostgreSQL 17 holding the demo district (1,152 residential grids,
 * 21,443 six staff): (a) import a 21,443-row roster xlsx of new people as the district administrator — read,
 * check every row, fingerprint and encrypt every ID number, match the registry, save all — against Apache
 * POI merely reading the same file with its own streaming reader; (b) export the district roster (masked,
 * streamed) against POI merely writing the same number of rows and columns with SXSSF. Run it through
 * {@code bench/roster.sh} (with -Xmx512m).
 */
public final class RosterBenchmark {

    private static final int ROWS = 21_443;
    private static final RegionCode GULOU = RegionCode.of("350102");

    private RosterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (BenchDatabase postgres = BenchDatabase.start("wuyi_bench")) {
            long started = System.nanoTime();
            try (ConfigurableApplicationContext wuyi = new SpringApplicationBuilder(WuyiApplication.class)
                    .web(WebApplicationType.NONE)
                    .profiles("demo")
                    .run(postgres.wuyiArguments("wuyi_bench", "--spring.main.banner-mode=off", "--logging.level.root=WARN"))) {
                System.out.printf(Locale.ROOT, "demo district generated in %.1f s%n", (System.nanoTime() - started) / 1e9);
                UserDetails gulou = wuyi.getBean(UserDetailsService.class).loadUserByUsername("gulou");
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(gulou, null, gulou.getAuthorities()));
                run(wuyi);
            }
        }
    }

    private static void run(ConfigurableApplicationContext wuyi) throws Exception {
        JdbcClient jdbc = wuyi.getBean(JdbcClient.class);
        RosterImportService roster = wuyi.getBean(RosterImportService.class);
        StaffService staff = wuyi.getBean(StaffService.class);
        List<String> grids = wuyi.getBean(GridDirectory.class).gridCodesIn(GULOU, GridKind.RESIDENTIAL);
        byte[] file = rosterFile(grids, roster.headers());
        System.out.printf(Locale.ROOT, "roster file: %,d rows, %,d bytes; max heap %d MiB%n",
                ROWS, file.length, Runtime.getRuntime().maxMemory() >> 20);

        long lastPerson = jdbc.sql("SELECT max(id) FROM person").query(Long.class).single();
        // Baseline and subject alternate round by round (see Rounds): a burst of load lands on both sides.
        Rounds.Result reader = Rounds.compare("read only: POI's XSSFSheetXMLHandler (baseline) vs Wuyi's Sheet", 5, 15, 0.25,
                () -> time(() -> bareRead(file)), () -> time(() -> org.wuyi.platform.spreadsheet.Sheet.read(file, RosterImportService.MAX_ROWS)));
        Rounds.Result preview = Rounds.compare("preview (read, check, fingerprint, match) vs bare POI read", 5, 15, 0.25,
                () -> time(() -> bareRead(file)), () -> time(() -> check(roster.importRoster(GULOU, file, false, null), false)));
        Rounds.Result apply = Rounds.compare("import (preview + encrypt + save 21,443 people and assignments) vs bare POI read",
                5, 15, 0.25, () -> time(() -> bareRead(file)), () -> {
                    double seconds = time(() -> check(roster.importRoster(GULOU, file, true, null), true));
                    jdbc.sql("DELETE FROM staff_assignment WHERE person_id > ?").param(lastPerson).update();
                    jdbc.sql("DELETE FROM person WHERE id > ?").param(lastPerson).update();
                    return seconds;
                });

        long exported = jdbc.sql("""
                SELECT count(*) FROM staff_assignment WHERE grid_code LIKE '350102%' AND start_date <= current_date
                  AND (end_date IS NULL OR end_date >= current_date)""").query(Long.class).single();
        List<String[]> rows = sameRows(jdbc);
        int[] bytes = new int[1];
        Rounds.Result export = Rounds.compare("export vs bare POI SXSSF write of the same rows", 5, 15, 0.25,
                () -> time(() -> bareWrite(rows)), () -> time(() -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream(4 << 20);
                    staff.exportRoster(GULOU, null, out);
                    bytes[0] = out.size();
                }));
        System.out.printf(Locale.ROOT, "%nSUMMARY (median of per-round ratios, lowest–highest round)%n");
        System.out.printf(Locale.ROOT, "  reading only, Wuyi's Sheet / POI's handler : %s%n", reader.ratio());
        System.out.printf(Locale.ROOT, "  preview / bare read                       : %s%n", preview.ratio());
        System.out.printf(Locale.ROOT, "  import / bare read (goal <= 3x)           : %s%n", apply.ratio());
        System.out.printf(Locale.ROOT, "  export of %,d rows (%,d bytes) / bare write : %s%n", exported, bytes[0], export.ratio());
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "peak heap (sum of pool peaks): %d MiB%n", peak >> 20);
    }

    private static void check(RosterImportService.Outcome outcome, boolean applied) {
        if (!outcome.ok() || outcome.applied() != applied || outcome.newPeople() != ROWS) {
            throw new IllegalStateException("unexpected outcome: " + outcome.problems());
        }
    }

    interface Timed {
        void run() throws Exception;
    }

    private static double time(Timed work) {
        long start = System.nanoTime();
        try {
            work.run();
        } catch (Exception exception) {
            throw new IllegalStateException(exception);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** A roster of new, fictitious people spread over the district's residential grids, as an official would fill the template. */
    private static byte[] rosterFile(List<String> grids, List<String> headers) throws Exception {
        String[] roles = {"社区干部（网格员）", "公安干警", "医务人员", "楼栋梯长", "物业管理（保安）人员", "志愿者"};
        String[] surnames = {"林", "陈", "黄", "张", "李", "王", "吴", "刘", "蔡", "杨"};
        String[] given = {"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰"};
        Random random = new Random(ROWS);
        Set<String> ids = new HashSet<>();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("六大员名册");
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
            }
            for (int r = 1; r <= ROWS; r++) {
                boolean male = random.nextBoolean();
                String id;
                do {
                    LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(40 * 365));
                    // 350203 (Xiamen Siming) is an area the demo never uses, so no row matches a registered person.
                    String first17 = "350203" + birth.toString().replace("-", "")
                            + "%03d".formatted(random.nextInt(500) * 2 + (male ? 1 : 0));
                    id = first17 + ResidentId.checkCharacter(first17);
                } while (!ids.add(id));
                String[] values = {grids.get(r % grids.size()),
                        surnames[random.nextInt(surnames.length)] + given[random.nextInt(given.length)] + given[random.nextInt(given.length)],
                        male ? "男" : "女", "1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000)),
                        id, random.nextInt(3) == 0 ? "中共党员" : "群众", roles[r % roles.length], "2026-03-01", "",
                        "小区" + (r % 300), (1 + r % 12) + "座", "%d0%d".formatted(1 + r % 9, 1 + r % 4), ""};
                Row row = sheet.createRow(r);
                for (int c = 0; c < values.length; c++) {
                    if (!values[c].isEmpty()) {
                        row.createCell(c, CellType.STRING).setCellValue(values[c]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** POI's own streaming read of the first sheet, every cell's text collected per row: the least a reader can do. */
    private static int bareRead(byte[] file) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(file))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            try (InputStream sheet = reader.getSheetsData().next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings,
                        new XSSFSheetXMLHandler.SheetContentsHandler() {
                            private List<String> row;

                            @Override
                            public void startRow(int rowNum) {
                                row = new ArrayList<>();
                            }

                            @Override
                            public void endRow(int rowNum) {
                                rows.add(row);
                            }

                            @Override
                            public void cell(String reference, String value, XSSFComment comment) {
                                row.add(value);
                            }
                        }, new DataFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        }
        if (rows.size() != ROWS + 1) {
            throw new IllegalStateException("read " + rows.size() + " rows");
        }
        return rows.size();
    }

    /** The district roster's rows as plain strings in memory (the same count and columns as the export). */
    private static List<String[]> sameRows(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT substr(a.grid_code, 1, 9), substr(a.grid_code, 1, 12), a.grid_code, p.name, p.gender, a.role,
                               p.mobile, p.id_masked, p.party_member::text, a.start_date::text
                        FROM staff_assignment a JOIN person p ON p.id = a.person_id
                        WHERE a.grid_code LIKE '350102%' AND a.start_date <= current_date
                          AND (a.end_date IS NULL OR a.end_date >= current_date)
                        ORDER BY a.grid_code, a.role, p.name, p.id""")
                .query((rs, n) -> {
                    String[] row = new String[10];
                    for (int i = 0; i < 10; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    return row;
                }).list();
    }

    /** POI's SXSSF writing rows already in memory: no query, no lookups, no masking. */
    private static void bareWrite(List<String[]> rows) throws Exception {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = new ByteArrayOutputStream(4 << 20)) {
            Sheet sheet = workbook.createSheet("roster");
            int r = 0;
            sheet.createRow(r++).createCell(0).setCellValue("header");
            for (String[] values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.length; c++) {
                    row.createCell(c, CellType.STRING).setCellValue(values[c]);
                }
            }
            workbook.write(out);
        }
    }
}
