package org.wuyi.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A plain JDBC client on a test database, for looking at it while no Wuyi instance runs. */
final class TestJdbc {

    private TestJdbc() {
    }

    static JdbcClient of(String url) {
        return JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
    }
}
