package org.wuyi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
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
