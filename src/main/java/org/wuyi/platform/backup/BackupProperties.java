package org.wuyi.platform.backup;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Backups ({@code wuyi.backup.*}): the key they are encrypted with (32 bytes base64, or {@code VERSION:ALGORITHM:BASE64};
 * the demo profile ships one); the earlier keys that older files can still be restored with ({@code keyRetired});
 * for the nightly backup, the directory (none: no nightly backup), how many files to keep, and when (cron, in
 * {@code wuyi.time-zone}).
 */
@ConfigurationProperties("wuyi.backup")
public record BackupProperties(@DefaultValue("") String key, @DefaultValue("") String keyRetired, Path dir, @DefaultValue("7") int keep,
                               @DefaultValue("0 0 2 * * *") String cron) {
}
