package org.wuyi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Wuyi as a separate operating-system process (the test JVM's java and class path, the demo profile, its own data
 * directory and port), to be stopped as an operator or a power cut would stop it: SIGTERM or SIGKILL.
 */
public final class WuyiProcess {

    private final Path dataDir;
    private final Path log;
    private final int port;
    private final Process process;

    private WuyiProcess(Path dataDir, Path log, int port, Process process) {
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
        this.process = process;
    }

    /** Starts Wuyi on this data directory and waits (up to 4 minutes) until it answers its health endpoint. */
    public static WuyiProcess start(Path dataDir, String... settings) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("wuyi-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), "org.wuyi.WuyiApplication", "--spring.profiles.active=demo",
                "--server.port=" + port, "--wuyi.data-dir=" + dataDir, "--spring.main.banner-mode=off"));
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        WuyiProcess wuyi = new WuyiProcess(dataDir, log, port, process);
        HttpClient client = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Wuyi exited while starting:\n" + wuyi.log());
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return wuyi;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Wuyi did not start in 4 minutes:\n" + wuyi.log());
    }

    public int port() {
        return port;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** SIGTERM, as a service manager stops it; the time until the process was gone. */
    public Duration terminate() throws InterruptedException {
        Instant start = Instant.now();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Wuyi did not stop in 60 s after SIGTERM");
        }
        return Duration.between(start, Instant.now());
    }

    /** SIGKILL, as a power cut or the out-of-memory killer would end it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    public int exitCode() {
        return process.exitValue();
    }

    /** A connection to its embedded database, with the password it keeps in its data directory. */
    public Connection database() throws IOException, SQLException {
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/postgres", "postgres",
                Files.readString(dataDir.resolve("db-password")).strip());
    }
}
