package org.wuyi.notification.internal;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wuyi.platform.crypto.SealedTable;

/** The channel routes' sealed addresses and secrets, for {@code rotate-keys}: a route's two values are resealed together. */
@Component
class SealedChannelSecrets extends SealedTable {

    SealedChannelSecrets(JdbcClient jdbc, JdbcTemplate batches, ChannelKey key) {
        super(jdbc, batches, "channel_route", "id", List.of("url", "secret"), "wuyi.notification.channel-key", key::ringOrNull);
    }
}
