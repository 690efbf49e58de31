package org.wuyi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

import org.wuyi.platform.database.EmbeddedServer;

/**
 * The benchmarks' database: Wuyi's own embedded server as a district runs it (fsync and synchronous commit on,
 * password required), in a temporary data directory removed afterwards. It prints the durability settings it ran
 * with, so that every figure says which mode it was taken in.
 */
public final class BenchDatabase implements AutoCloseable {

    private final Path directory;
    private final EmbeddedServer server;

    private BenchDatabase(Path directory, EmbeddedServer server) {
        this.directory = directory;
        this.server = server;
    }

    public static BenchDatabase start(String... databases) throws IOException, SQLException {
        Path directory = Files.createTempDirectory("wuyi-bench-pg");
        BenchDatabase database = new BenchDatabase(directory, EmbeddedServer.start(directory, 0));
        try (Connection admin = database.connect("postgres"); Statement statement = admin.createStatement()) {
            for (String name : databases) {
                statement.execute("CREATE DATABASE " + name);
            }
            try (ResultSet settings = statement.executeQuery(
                    "SELECT current_setting('fsync'), current_setting('synchronous_commit'), current_setting('full_page_writes')")) {
                settings.next();
                System.out.printf("database: embedded PostgreSQL, fsync=%s synchronous_commit=%s full_page_writes=%s%n",
                        settings.getString(1), settings.getString(2), settings.getString(3));
            }
        }
        return database;
    }

    public String url(String database) {
        return server.jdbcUrl(database);
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), server.user(), server.password());
    }

    /** A connection with driver properties in the address, e.g. {@code reWriteBatchedInserts=true}. */
    public Connection connect(String database, String query) throws SQLException {
        return DriverManager.getConnection(url(database) + "?" + query, server.user(), server.password());
    }

    /** The arguments that point a Wuyi at one of these databases, followed by {@code more}. */
    public String[] wuyiArguments(String database, String... more) {
        String[] arguments = new String[3 + more.length];
        arguments[0] = "--spring.datasource.url=" + url(database);
        arguments[1] = "--spring.datasource.username=" + server.user();
        arguments[2] = "--spring.datasource.password=" + server.password();
        System.arraycopy(more, 0, arguments, 3, more.length);
        return arguments;
    }

    @Override
    public void close() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
