package org.wuyi.region.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;

/** Where the division files are read from: a directory, or the extract shipped inside Wuyi. A missing file is skipped. */
public interface DivisionSource {

    Optional<InputStream> open(DivisionFile file) throws IOException;

    /** A human-readable name for the audit log and progress output. */
    String describe();

    static DivisionSource directory(Path directory) {
        return new DivisionSource() {
            @Override
            public Optional<InputStream> open(DivisionFile file) throws IOException {
                Path path = directory.resolve(file.fileName());
                return Files.isRegularFile(path) ? Optional.of(Files.newInputStream(path)) : Optional.empty();
            }

            @Override
            public String describe() {
                return directory.toAbsolutePath().normalize().toString();
            }
        };
    }

    static DivisionSource classpath(String location) {
        return new DivisionSource() {
            @Override
            public Optional<InputStream> open(DivisionFile file) throws IOException {
                ClassPathResource resource = new ClassPathResource(location + "/" + file.fileName());
                return resource.exists() ? Optional.of(resource.getInputStream()) : Optional.empty();
            }

            @Override
            public String describe() {
                return "classpath:" + location;
            }
        };
    }
}
