package org.wuyi.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wuyi's own PostgreSQL server, run from the shipped binaries on a data directory that survives restarts, durable as
 * a production server is: fsync and synchronous commit on (PostgreSQL's defaults; the embedded library's test
 * switches {@code -F} and {@code synchronous_commit=off} are not used), listening on the loopback only, no Unix
 * socket, and every connection authenticated (scram-sha-256) with a password generated on first start and kept in
 * {@code <data-dir>/db-password}, readable by its owner only. Its log goes to {@code <data-dir>/postgres.log}.
 * <p>
 * It is stopped by whoever made it (Spring, after everything using the database has stopped) — no JVM shutdown hook
 * of its own. A server left running by a killed Wuyi is stopped before a new one starts; a second Wuyi on the same
 * data directory is refused (a file lock).
 */
public final class EmbeddedServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
    static final String SUPERUSER = "postgres";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path binaries;
    private final Path dataDir;
    private final Path cluster;
    private final String password;
    private final int port;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private volatile boolean stopped;

    private EmbeddedServer(Path binaries, Path dataDir, String password, int port, FileChannel lockChannel, FileLock lock) {
        this.binaries = binaries;
        this.dataDir = dataDir;
        this.cluster = dataDir.resolve("postgres");
        this.password = password;
        this.port = port;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Starts (creating on first use) the server of this data directory on this port (0: any free port). */
    public static EmbeddedServer start(Path dataDir, int port) {
        Path directory = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException unwritable) {
            throw new IllegalStateException("wuyi.data-dir " + directory + " cannot be created: " + unwritable.getMessage(), unwritable);
        }
        if (!Files.isWritable(directory)) {
            throw new IllegalStateException("wuyi.data-dir " + directory + " is not writable by this user: Wuyi keeps its "
                    + "database there. Give it a writable directory (WUYI_DATA_DIR) or fix the permissions.");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(directory.resolve("wuyi.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                closeQuietly(channel);
                return attach(directory);
            }
            EmbeddedServer server = new EmbeddedServer(PostgresBinaries.unpacked(), directory, password(directory),
                    port == 0 ? freePort() : port, channel, lock);
            server.startServer();
            return server;
        } catch (IOException failure) {
            closeQuietly(channel);
            throw new UncheckedIOException("the embedded PostgreSQL did not start: " + failure.getMessage(), failure);
        } catch (RuntimeException failure) {
            closeQuietly(channel);
            throw failure;
        }
    }

    /**
     * Another Wuyi on this data directory owns the running server: use it (for a command such as {@code backup} or
     * {@code verify-audit} while Wuyi runs), and leave it running when done.
     */
    private static EmbeddedServer attach(Path directory) throws IOException {
        Path pid = directory.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            throw new IllegalStateException("another Wuyi is starting on wuyi.data-dir " + directory + ": try again in a moment");
        }
        int port = Integer.parseInt(Files.readAllLines(pid).get(3).strip());
        log.info("Using the embedded PostgreSQL of the Wuyi already running on {} (127.0.0.1:{})", directory, port);
        EmbeddedServer server = new EmbeddedServer(PostgresBinaries.unpacked(), directory, password(directory), port, null, null);
        server.stopped = true;
        return server;
    }

    public int port() {
        return port;
    }

    public String user() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void startServer() throws IOException {
        if (!Files.exists(cluster.resolve("PG_VERSION"))) {
            initdb();
        } else if (Files.exists(cluster.resolve("postmaster.pid"))) {
            // a server left behind by a Wuyi that was killed: stop it (we hold the lock, so it is no one else's)
            log.info("Stopping the embedded PostgreSQL a previous Wuyi left running in {}", cluster);
            run(List.of(bin("pg_ctl"), "-D", cluster.toString(), "stop", "-m", "fast", "-w", "-t", "60"), true);
        }
        boolean trusting = Files.readString(cluster.resolve("pg_hba.conf")).lines()
                .anyMatch(line -> !line.startsWith("#") && line.contains("trust"));
        List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port), "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=''", "-c", "timezone=UTC", "-c", "max_connections=100"));
        run(List.of(bin("pg_ctl"), "-D", cluster.toString(), "-l", dataDir.resolve("postgres.log").toString(), "-w", "-t", "120",
                "-o", String.join(" ", options), "start"), false);
        if (trusting) {
            requirePassword();
        }
        log.info("Embedded PostgreSQL running in {} on 127.0.0.1:{} (fsync and synchronous commit on)", cluster, port);
    }

    private void initdb() throws IOException {
        log.info("Creating the embedded PostgreSQL database in {}", cluster);
        Path pwfile = Files.createTempFile(dataDir, "initdb", ".pw");
        try {
            Files.writeString(pwfile, password);
            run(List.of(bin("initdb"), "-D", cluster.toString(), "-U", SUPERUSER, "--pwfile=" + pwfile, "-A", "scram-sha-256",
                    "-E", "UTF-8", "--locale=C"), false);
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    /** A data directory made before Wuyi required a password (trust): set it, then require it. */
    private void requirePassword() throws IOException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER USER postgres PASSWORD '" + password.replace("'", "''") + "'");
            Files.writeString(cluster.resolve("pg_hba.conf"), """
                    # Wuyi: every connection needs the password in ../db-password
                    local   all   all                 scram-sha-256
                    host    all   all   127.0.0.1/32  scram-sha-256
                    host    all   all   ::1/128       scram-sha-256
                    """);
            statement.execute("SELECT pg_reload_conf()");
            log.info("The embedded PostgreSQL now requires a password ({}); it trusted local connections before", dataDir.resolve("db-password"));
        } catch (SQLException failure) {
            throw new IOException("could not set the database password", failure);
        }
    }

    /** Stops the server (fast: open transactions roll back, what was committed stays). */
    @Override
    public void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            run(List.of(bin("pg_ctl"), "-D", cluster.toString(), "stop", "-m", "fast", "-w", "-t", "60"), false);
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException | RuntimeException failure) {
            log.error("The embedded PostgreSQL did not stop cleanly", failure);
        } finally {
            releaseLock();
        }
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException ignored) {
            // the channel closes next
        }
        closeQuietly(lockChannel);
    }

    private static String password(Path dataDir) throws IOException {
        Path file = dataDir.resolve("db-password");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, password, StandardCharsets.UTF_8);
        return password;
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    private void run(List<String> command, boolean tolerateFailure) throws IOException {
        List<String> full = new ArrayList<>();
        if (ROOT) {
            // PostgreSQL refuses to run as root; in a user namespace (as the embedded library does) it runs as nobody
            full.addAll(List.of("unshare", "-U"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("PGPASSWORD", password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish in 180 s");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), interrupted);
        }
        if (process.exitValue() != 0 && !tolerateFailure) {
            throw new IOException(Path.of(command.get(0)).getFileName() + " failed (exit " + process.exitValue() + "): " + output.strip()
                    + (Files.exists(dataDir.resolve("postgres.log")) ? " — see " + dataDir.resolve("postgres.log") : ""));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

}
