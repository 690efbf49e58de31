package org.wuyi.platform;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform's settings ({@code wuyi.*}): where the embedded PostgreSQL keeps its data ({@code wuyi.data-dir},
 * env {@code WUYI_DATA_DIR}) and its port (0: any free port); the time zone people read times in; the address
 * people reach Wuyi at, for the links in messages and posters.
 */
@ConfigurationProperties("wuyi")
public record PlatformProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("0") int embeddedPort,
                                 @DefaultValue("Asia/Shanghai") ZoneId timeZone,
                                 @DefaultValue("http://localhost:8080") String publicUrl) {
}
