package org.wuyi.request;

/**
 * A request as a client sends it: the category and urgency, the place — {@code lon}/{@code lat}, or the
 * {@code community} with its {@code compound} (id or exact name), {@code building} and {@code room} — and who asks and
 * what is wrong. Anything may be missing or wrong: {@link RequestIntake} says what.
 */
public record NewRequest(String category, Boolean urgent, Double lon, Double lat, String community, String compound, String building,
                         String room, String name, String mobile, String description) {
}
