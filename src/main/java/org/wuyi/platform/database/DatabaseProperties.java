package org.wuyi.platform.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its data ({@code wuyi.data-dir}, env {@code WUYI_DATA_DIR})
 * and on which port it listens (0: any free port).
 */
@ConfigurationProperties("wuyi")
record DatabaseProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("0") int embeddedPort) {
}
