package org.wuyi.region.internal;

/**
 * Why one line of a division file cannot be imported: {@code reason} is a message key under
 * {@code import.problem.*}, {@code args} its arguments. Line 1 is the header.
 */
public record ImportProblem(String file, long line, String reason, Object... args) {
}
