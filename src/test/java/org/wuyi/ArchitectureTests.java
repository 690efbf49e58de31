package org.wuyi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Rules of the house that the module check does not cover. */
class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.wuyi");

    /** The unchecked lookups ({@code GridDirectory}, {@code StaffDirectory}) are for services that checked the scope. */
    @Test
    void noControllerReachesADirectoryWithoutAScopeCheck() {
        noClasses().that().resideInAPackage("org.wuyi..web..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Directory")
                .because("a directory answers without checking the caller's region; controllers go through the scoped services")
                .check(classes);
    }

    /** A module's API (its base package) must not hand out or take its internals, generics included. */
    @Test
    void noPublicApiExposesAnInternalType() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass type : classes) {
            if (!type.getPackageName().matches("org\\.wuyi\\.[a-z]+") || !type.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            for (JavaMethod method : type.getMethods()) {
                if (!method.getModifiers().contains(JavaModifier.PUBLIC)) {
                    continue;
                }
                Stream.concat(Stream.of(method.getReturnType()), method.getParameterTypes().stream())
                        .flatMap(used -> used.getAllInvolvedRawTypes().stream())
                        .filter(used -> used.getPackageName().contains(".internal"))
                        .forEach(used -> leaks.add(type.getName() + "." + method.getName() + " uses " + used.getName()));
            }
        }
        assertThat(leaks).isEmpty();
    }

    /** Who owns which table (docs/architecture.md); a module's SQL names only its own. */
    private static final Map<String, List<String>> TABLES = Map.ofEntries(
            Map.entry("platform", List.of("event_publication")),
            Map.entry("region", List.of("region")),
            Map.entry("identity", List.of("user_account", "audit_log", "audit_chain_head", "password_history", "recovery_code", "access_token", "password_rules")),
            Map.entry("grid", List.of("grid", "grid_history", "grid_index_version", "community_boundary", "compound", "building", "gate", "work_unit", "import_progress")),
            Map.entry("staff", List.of("person", "staff_assignment", "sent_down_cadre")),
            Map.entry("party", List.of("party_committee", "grid_branch", "branch_member", "leadership_term")),
            Map.entry("notification", List.of("outbox_message", "delivery_attempt", "channel_route", "phone_code")),
            Map.entry("volunteer", List.of("volunteer", "gate_post", "rota_job", "rota_duty")),
            Map.entry("request", List.of("request_category", "help_request", "request_recipient", "request_event", "request_escalation", "request_photo")),
            Map.entry("wartime", List.of("wartime_plan", "plan_group", "plan_member", "activation", "activation_member", "drill_schedule")),
            Map.entry("household", List.of("household", "vulnerable_resident")),
            Map.entry("risk", List.of("risk_area", "risk_event")),
            Map.entry("supervision", List.of("grid_report", "grid_report_photo", "supervision_threshold", "bulletin", "bulletin_line", "accountability_record")),
            Map.entry("lockdown", List.of("testing_round", "testing_household", "testing_mark", "supply_order", "health_watch", "health_check",
                    "disinfection", "care_visit")));

    private static final Pattern TABLE_USE = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|COPY)\\s+([a-z_]+)\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void noModuleReadsOrWritesAnotherModulesTables() throws IOException {
        Map<String, String> owner = new HashMap<>();
        TABLES.forEach((module, tables) -> tables.forEach(table -> owner.put(table, module)));
        List<String> trespasses = new ArrayList<>();
        Path base = Path.of("src/main/java/org/wuyi");
        try (Stream<Path> files = Files.walk(base)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String module = base.relativize(file).getName(0).toString();
                Matcher use = TABLE_USE.matcher(Files.readString(file));
                while (use.find()) {
                    String table = use.group(1).toLowerCase(Locale.ROOT);
                    if (owner.containsKey(table) && !owner.get(table).equals(module)) {
                        trespasses.add(file + " uses " + table + " (owned by " + owner.get(table) + ")");
                    }
                }
            }
        }
        assertThat(trespasses).isEmpty();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            String sql = String.join("\n", migrations.map(ArchitectureTests::read).toList());
            Matcher created = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)").matcher(sql);
            while (created.find()) {
                assertThat(owner).as("every table has an owner in docs/architecture.md").containsKey(created.group(1));
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    @Test
    void noMainClassIsOver400Lines() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> big = files.filter(file -> file.toString().endsWith(".java")).filter(file -> lines(file) > 400)
                    .map(file -> file + " (" + lines(file) + " lines)").toList();
            assertThat(big).as("split these by use case").isEmpty();
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
