package org.wuyi.region.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.shared.RegionCode;
import org.wuyi.support.WuyiIntegrationTest;

/**
 * Imports into the real database. Tests that change data use made-up provinces (91–98) of their own,
 * so they leave the real divisions alone and do not depend on each other.
 */
@WuyiIntegrationTest
class DivisionImporterIntegrationTests {

    private static final String ACTOR = "cli:test";

    @Autowired
    DivisionImporter importer;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void importsFuzhouCityWithItsThirteenAreasAndIsIdempotent() {
        DivisionImportResult first = importer.importDivisions(DivisionSource.classpath("divisions/3501"),
                RegionCode.of("3501"), ACTOR, ImportProgress.SILENT);
        assertThat(first).isInstanceOf(DivisionImportResult.Applied.class);
        assertThat(((DivisionImportResult.Applied) first).rows()).isEqualTo(1 + 1 + 13 + 186 + 3022);
        assertThat(countBelow("3501", 6)).as("districts and counties").isEqualTo(13);
        assertThat(countBelow("3501", 9)).as("streets and towns").isEqualTo(186);
        assertThat(countBelow("3501", 12)).as("communities and villages").isEqualTo(3022);
        long auditEntries = auditEntries();

        DivisionImportResult second = importer.importDivisions(DivisionSource.classpath("divisions/3501"),
                RegionCode.of("3501"), ACTOR, ImportProgress.SILENT);
        assertThat(second).isEqualTo(new DivisionImportResult.Applied(3223, 0, 0));
        assertThat(auditEntries()).as("an import that changes nothing writes nothing").isEqualTo(auditEntries);
    }

    @Test
    void aScopeTakesTheDivisionItsAncestorsAndItsDescendantsOnly() {
        DivisionImportResult result = importer.importDivisions(DivisionSource.classpath("divisions/3501"),
                RegionCode.of("350102"), ACTOR, ImportProgress.SILENT);
        assertThat(result).isInstanceOf(DivisionImportResult.Applied.class);
        assertThat(((DivisionImportResult.Applied) result).rows()).isEqualTo(1 + 1 + 1 + 10 + 69);
    }

    @Test
    void aFileWithAByteOrderMarkIsReadAndTheChangeAudited() throws IOException {
        write("provinces.csv", "\uFEFFcode,name\n91,\"测试省\"\n", StandardCharsets.UTF_8);
        write("cities.csv", "code,name,provinceCode\n9101,\"测试市\",91\n", StandardCharsets.UTF_8);
        DivisionImportResult result = importFromDir();
        assertThat(result).isEqualTo(new DivisionImportResult.Applied(2, 2, 0));
        assertThat(name("91")).isEqualTo("测试省");
        assertThat(jdbc.sql("SELECT actor || ' ' || action FROM audit_log WHERE detail LIKE ? ORDER BY id DESC LIMIT 1")
                .param("source=" + dir.toAbsolutePath().normalize() + "%").query(String.class).single())
                .isEqualTo("cli:test region.divisions-imported");
    }

    @Test
    void aRenamedDivisionIsUpdatedAndNothingElse() throws IOException {
        write("provinces.csv", "code,name\n92,\"甲省\"\n", StandardCharsets.UTF_8);
        assertThat(importFromDir()).isEqualTo(new DivisionImportResult.Applied(1, 1, 0));
        write("provinces.csv", "code,name\n92,\"乙省\"\n", StandardCharsets.UTF_8);
        assertThat(importFromDir()).isEqualTo(new DivisionImportResult.Applied(1, 0, 1));
        assertThat(name("92")).isEqualTo("乙省");
    }

    @Test
    void aGbkFileIsRefusedWithItsLinesAndNothingIsImported() throws IOException {
        write("provinces.csv", "code,name\n93,\"福建测试省\"\n", StandardCharsets.UTF_8);
        write("cities.csv", "code,name,provinceCode\n9301,\"福州测试市\",93\n9302,\"厦门测试市\",93\n",
                Charset.forName("GBK"));
        DivisionImportResult result = importFromDir();
        assertThat(result).isInstanceOf(DivisionImportResult.Refused.class);
        DivisionImportResult.Refused refused = (DivisionImportResult.Refused) result;
        assertThat(refused.problems()).extracting(ImportProblem::file, ImportProblem::line, ImportProblem::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cities.csv", 2L, "import.problem.encoding"),
                        org.assertj.core.groups.Tuple.tuple("cities.csv", 3L, "import.problem.encoding"));
        assertThat(exists("93")).as("the good province file is not imported either").isFalse();
    }

    @Test
    void duplicatedCodesAreRefusedNamingBothLines() throws IOException {
        lineage("94");
        write("streets.csv", """
                code,name,areaCode,provinceCode,cityCode
                940101001,"一街道",940101,94,9401
                940101002,"二街道",940101,94,9401
                940101001,"又一街道",940101,94,9401
                """, StandardCharsets.UTF_8);
        DivisionImportResult.Refused refused = (DivisionImportResult.Refused) importFromDir();
        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("streets.csv");
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.reason()).isEqualTo("import.problem.duplicate");
            assertThat(problem.args()).containsExactly("940101001", 2L);
        });
        assertThat(exists("94")).isFalse();
    }

    @Test
    void aVillageWhoseStreetIsMissingIsRefused() throws IOException {
        lineage("95");
        write("streets.csv", "code,name,areaCode,provinceCode,cityCode\n950101001,\"一街道\",950101,95,9501\n",
                StandardCharsets.UTF_8);
        write("villages.csv", """
                code,name,streetCode,provinceCode,cityCode,areaCode
                950101001001,"一社区",950101001,95,9501,950101
                950101009001,"孤儿社区",950101009,95,9501,950101
                """, StandardCharsets.UTF_8);
        DivisionImportResult.Refused refused = (DivisionImportResult.Refused) importFromDir();
        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("villages.csv");
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.reason()).isEqualTo("import.problem.parent-missing");
            assertThat(problem.args()).containsExactly("950101009001", "950101009");
        });
        assertThat(exists("950101001001")).isFalse();
    }

    @Test
    void badCodesWrongColumnsAndBrokenAncestryAreEachReportedOnTheirLine() throws IOException {
        lineage("96");
        write("streets.csv", """
                code,name,areaCode,provinceCode,cityCode
                960101001,"好街道",960101,96,9601
                96010100X,"坏代码",960101,96,9601
                960101003,"少一列",960101,96
                960101004,"上级不符",970101,96,9601
                960101005,"",960101,96,9601
                96010100,"短代码",960101,96,9601
                """, StandardCharsets.UTF_8);
        DivisionImportResult.Refused refused = (DivisionImportResult.Refused) importFromDir();
        assertThat(refused.problems()).extracting(ImportProblem::line, ImportProblem::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "import.problem.code-format"),
                org.assertj.core.groups.Tuple.tuple(4L, "import.problem.columns"),
                org.assertj.core.groups.Tuple.tuple(5L, "import.problem.ancestor-mismatch"),
                org.assertj.core.groups.Tuple.tuple(6L, "import.problem.name"),
                org.assertj.core.groups.Tuple.tuple(7L, "import.problem.code-format"));
        assertThat(refused.problemCount()).isEqualTo(5);
        assertThat(exists("960101001")).as("the good line is not imported alone").isFalse();
    }

    @Test
    void anUnclosedQuoteStopsTheFileAndIsReported() throws IOException {
        lineage("97");
        write("streets.csv", "code,name,areaCode,provinceCode,cityCode\n970101001,\"未闭合,970101,97,9701\n",
                StandardCharsets.UTF_8);
        DivisionImportResult.Refused refused = (DivisionImportResult.Refused) importFromDir();
        assertThat(refused.problems()).extracting(ImportProblem::reason).contains("import.problem.malformed-csv");
        assertThat(exists("97")).isFalse();
    }

    @Test
    void aWrongHeaderIsRefused() throws IOException {
        write("provinces.csv", "编码,名称\n98,\"测试省\"\n", StandardCharsets.UTF_8);
        DivisionImportResult.Refused refused = (DivisionImportResult.Refused) importFromDir();
        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.reason()).isEqualTo("import.problem.header");
        });
    }

    private DivisionImportResult importFromDir() {
        return importer.importDivisions(DivisionSource.directory(dir), null, ACTOR, ImportProgress.SILENT);
    }

    /** A province, city and area for code prefix {@code pp}: {@code pp}, {@code pp01}, {@code pp0101}. */
    private void lineage(String province) throws IOException {
        write("provinces.csv", "code,name\n" + province + ",\"测试省\"\n", StandardCharsets.UTF_8);
        write("cities.csv", "code,name,provinceCode\n" + province + "01,\"测试市\"," + province + "\n",
                StandardCharsets.UTF_8);
        write("areas.csv", "code,name,cityCode,provinceCode\n" + province + "0101,\"测试区\"," + province + "01,"
                + province + "\n", StandardCharsets.UTF_8);
    }

    private void write(String file, String content, Charset charset) throws IOException {
        Files.write(dir.resolve(file), content.getBytes(charset));
    }

    private long countBelow(String code, int codeLength) {
        return jdbc.sql("SELECT count(*) FROM region WHERE code LIKE ? AND length(code) = ?")
                .params(code + "%", codeLength).query(Long.class).single();
    }

    private boolean exists(String code) {
        return jdbc.sql("SELECT count(*) FROM region WHERE code = ?").param(code).query(Long.class).single() > 0;
    }

    private String name(String code) {
        return jdbc.sql("SELECT name FROM region WHERE code = ?").param(code).query(String.class).single();
    }

    private long auditEntries() {
        return jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
    }
}
