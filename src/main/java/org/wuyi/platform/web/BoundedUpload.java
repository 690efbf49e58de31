package org.wuyi.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** An uploaded body read with a size limit, for the endpoints that take files in the request body. */
public final class BoundedUpload {

    /** How much of a too-large body is read and thrown away, so the client, still sending, receives the refusal instead of a reset. */
    public static final long DRAIN_BYTES = 200L * 1024 * 1024;

    private BoundedUpload() {
    }

    /** The body if it has at most {@code maxBytes}; empty (after draining the rest) if it is larger. */
    public static Optional<byte[]> read(InputStream in, int maxBytes) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length <= maxBytes) {
            return Optional.of(bytes);
        }
        long drained = bytes.length;
        byte[] sink = new byte[1 << 16];
        for (int read = in.read(sink); read >= 0 && drained < DRAIN_BYTES; read = in.read(sink)) {
            drained += read;
        }
        return Optional.empty();
    }
}
