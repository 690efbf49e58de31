package org.wuyi.request.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.wuyi.shared.RegionCode;

/**
 * The Open311 clients (the city's 12345 hotline, a district app), each with its API key and the region it may file
 * and read requests for: {@code wuyi.open311.clients=name:region:key,…} (env {@code WUYI_OPEN311_CLIENTS}). Keys are
 * compared in constant time; a malformed entry stops Wuyi at start, naming the entry's position (never the key).
 */
@Component
public class Open311Clients {

    /** A client: its name (kept in the request's history) and its region. */
    public record Client(String name, RegionCode region) {
    }

    private record Entry(Client client, byte[] key) {
    }

    private final List<Entry> entries = new ArrayList<>();

    Open311Clients(@Value("${wuyi.open311.clients:}") String setting) {
        int position = 0;
        for (String entry : setting.split(",")) {
            position++;
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.strip().split(":", 3);
            Optional<RegionCode> region = parts.length == 3 ? RegionCode.parse(parts[1]) : Optional.empty();
            if (parts.length != 3 || parts[0].isBlank() || region.isEmpty() || parts[2].length() < 16) {
                throw new IllegalStateException("wuyi.open311.clients: entry " + position
                        + " is not name:regionCode:key (a key of at least 16 characters)");
            }
            entries.add(new Entry(new Client(parts[0], region.get()), parts[2].getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** The client whose key this is; empty for a missing or unknown key. */
    public Optional<Client> byKey(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        byte[] given = key.getBytes(StandardCharsets.UTF_8);
        Client found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.key(), given)) {
                found = entry.client();
            }
        }
        return Optional.ofNullable(found);
    }
}
