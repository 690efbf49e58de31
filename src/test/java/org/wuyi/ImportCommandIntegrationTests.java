package org.wuyi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.wuyi.support.Commands;
import org.wuyi.support.TestDatabase;

/** {@code java -jar wuyi.jar import-divisions ...}: no web server, progress in Chinese, exit codes. */
class ImportCommandIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void importsACityFromFilesTwiceWithoutChangeAndRefusesABrokenFile() throws IOException {
        for (String file : new String[] {"provinces.csv", "cities.csv", "areas.csv", "streets.csv", "villages.csv"}) {
            try (InputStream in = new ClassPathResource("divisions/3501/" + file).getInputStream()) {
                Files.copy(in, dir.resolve(file));
            }
        }
        String database = TestDatabase.freshDatabase("command_test");

        Commands.Run first = run(database, "import-divisions", "--dir=" + dir, "--scope=3501");
        assertThat(first.exitCode()).isZero();
        assertThat(first.output()).contains("正在读取 villages.csv", "导入完成：共 3,223 条，新增 3,223 条，更新 0 条，未变 0 条");

        Commands.Run second = run(database, "import-divisions", "--dir=" + dir, "--scope=3501");
        assertThat(second.exitCode()).isZero();
        assertThat(second.output()).contains("新增 0 条，更新 0 条，未变 3,223 条");

        Files.writeString(dir.resolve("villages.csv"), "code,name,streetCode,provinceCode,cityCode,areaCode\n"
                + "350102005001,\"杨桥河南社区\",350102005\n");
        Commands.Run refused = run(database, "import-divisions", "--dir=" + dir, "--scope=3501", "--lang=en");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.output()).contains("Import refused: 1 problem(s) found, nothing was imported.",
                "villages.csv line 2: Expected 6 columns, found 3.");

        Commands.Run usage = run(database, "import-divisions", "--scope=3501");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.output()).contains("用法：java -jar wuyi.jar import-divisions");
    }

    private static Commands.Run run(String databaseUrl, String... args) {
        return Commands.run(databaseUrl, "", args);
    }
}
