package org.wuyi.platform.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The nightly backup ({@code wuyi.backup.dir} set): at {@code wuyi.backup.cron} a file {@code wuyi-<date>-<time>.wbk}
 * in that directory, keeping the newest {@code wuyi.backup.keep}. A failure is logged as an error and leaves no file.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackupProperties.class)
class NightlyBackup {

    private static final Logger log = LoggerFactory.getLogger(NightlyBackup.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'wuyi-'yyyyMMdd-HHmmss'.wbk'");

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    @ConditionalOnProperty("wuyi.backup.dir")
    static class Schedule {

        private final Backups backups;
        private final BackupProperties properties;
        private final ZoneId zone;

        Schedule(Backups backups, BackupProperties properties, ZoneId wuyiTimeZone) {
            this.backups = backups;
            this.properties = properties;
            this.zone = wuyiTimeZone;
        }

        @Scheduled(cron = "${wuyi.backup.cron:0 0 2 * * *}", zone = "${wuyi.time-zone:Asia/Shanghai}")
        void nightly() {
            try {
                Files.createDirectories(properties.dir());
                Path file = properties.dir().resolve(NAME.format(LocalDateTime.now(zone)));
                Backups.Summary summary = backups.backup(file);
                log.info("Nightly backup {} written ({} bytes)", file, summary.bytes());
                prune();
            } catch (IOException | SQLException | RuntimeException failure) {
                log.error("The nightly backup failed; no file was left", failure);
            }
        }

        void prune() throws IOException {
            try (Stream<Path> files = Files.list(properties.dir())) {
                List<Path> backups = files.filter(path -> path.getFileName().toString().matches("wuyi-\\d{8}-\\d{6}\\.wbk"))
                        .sorted().toList();
                for (int i = 0; i < backups.size() - Math.max(1, properties.keep()); i++) {
                    Files.delete(backups.get(i));
                }
            }
        }
    }
}
