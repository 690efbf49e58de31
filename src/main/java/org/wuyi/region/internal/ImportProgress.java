package org.wuyi.region.internal;

/** Progress of a long import, for the person waiting for it. Message keys under {@code import.progress.*}. */
@FunctionalInterface
public interface ImportProgress {

    void report(String messageKey, Object... args);

    ImportProgress SILENT = (key, args) -> {
    };
}
