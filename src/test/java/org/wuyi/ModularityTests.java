package org.wuyi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(WuyiApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndDeclaredDependenciesAndHaveNoCycles() {
        modules.verify();
    }

    @Test
    void everyModuleDeclaresWhatItMayDependOn() throws IOException {
        for (ApplicationModule module : modules) {
            Path info = Path.of("src/main/java", module.getBasePackage().getName().replace('.', '/'), "package-info.java");
            assertThat(info).as("module %s declares its allowed dependencies", module.getIdentifier()).exists();
            assertThat(Files.readString(info, StandardCharsets.UTF_8)).contains("allowedDependencies");
        }
    }

    @Test
    void writesTheModuleDiagramsWithTheirArrows() throws IOException {
        Documenter documenter = new Documenter(modules);
        documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        Path wartime = Path.of("target/spring-modulith-docs", "module-wartime.puml");
        assertThat(wartime).exists();
        String diagram = Files.readString(wartime, StandardCharsets.UTF_8);
        assertThat(diagram).contains("notification").contains("staff").doesNotContain("party");
    }
}
