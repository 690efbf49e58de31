package org.wuyi.platform.backup;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.crypto.AEADBadTagException;

import org.wuyi.platform.crypto.FieldCipher;
import org.wuyi.platform.crypto.FieldKey;

/**
 * The backup file's envelope: a header ({@code WUYI-BACKUP}, format 1, a check value of the key, a random base nonce)
 * and then chunks of at most 1 MiB, each sealed with the key's cipher (AES-256-GCM or SM4-GCM) under its own nonce (base nonce + chunk number) and
 * with its number and "last chunk" flag as associated data. So a file under another key is refused at once, any
 * flipped byte fails its chunk's tag, chunks cannot be reordered or dropped, and a truncated file lacks its last chunk.
 */
final class SealedStream {

    static final byte[] MAGIC = "WUYI-BACKUP\n".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final int CHUNK = 1 << 20;

    /** Why a file cannot be read: the message key of a translated refusal. */
    static final class Refused extends IOException {
        final String key;

        Refused(String key) {
            super(key);
            this.key = key;
        }
    }

    private SealedStream() {
    }

    /** The key new backups are sealed with ({@code wuyi.backup.key}). */
    static FieldKey key(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("wuyi.backup.key is not set: a 32-byte base64 key (openssl rand -base64 32)");
        }
        try {
            return FieldKey.parse(spec);
        } catch (IllegalArgumentException wrong) {
            throw new IllegalArgumentException("wuyi.backup.key: " + wrong.getMessage());
        }
    }

    /** Every key a backup may be opened with: the current one and the retired ones ({@code wuyi.backup.key-retired}). */
    static List<FieldKey> keys(String current, String retired) {
        List<FieldKey> keys = new ArrayList<>();
        keys.add(key(current));
        try {
            keys.addAll(FieldCipher.parseAll(retired));
        } catch (IllegalArgumentException wrong) {
            throw new IllegalArgumentException("wuyi.backup.key-retired: " + wrong.getMessage());
        }
        return keys;
    }

    /** Eight bytes that tell which key sealed a file, without revealing it. */
    private static byte[] check(FieldKey key) {
        return Arrays.copyOf(key.derive("wuyi-backup-key-check"), 8);
    }

    static OutputStream seal(OutputStream out, FieldKey key) throws IOException {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC);
        data.writeByte(FORMAT);
        data.write(check(key));
        data.write(nonce);
        return new Sealer(data, key, nonce);
    }

    /** Opens a file sealed under any of these keys (the one its check value names). */
    static InputStream open(InputStream in, List<FieldKey> keys) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        try {
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new Refused("backup.refused.not-a-backup");
            }
            if (data.readUnsignedByte() != FORMAT) {
                throw new Refused("backup.refused.format");
            }
            byte[] check = new byte[8];
            data.readFully(check);
            FieldKey key = keys.stream().filter(candidate -> MessageDigest.isEqual(check, check(candidate))).findFirst()
                    .orElseThrow(() -> new Refused("backup.refused.wrong-key"));
            byte[] nonce = new byte[12];
            data.readFully(nonce);
            return new Opener(data, key, nonce);
        } catch (EOFException tooShort) {
            throw new Refused("backup.refused.not-a-backup");
        }
    }

    private static byte[] nonce(byte[] base, long chunk) {
        byte[] nonce = base.clone();
        long tail = ByteBuffer.wrap(nonce, 4, 8).getLong() ^ chunk;
        ByteBuffer.wrap(nonce, 4, 8).putLong(tail);
        return nonce;
    }

    private static byte[] aad(long chunk, boolean last) {
        return ByteBuffer.allocate(9).putLong(chunk).put((byte) (last ? 1 : 0)).array();
    }

    private static final class Sealer extends OutputStream {
        private final DataOutputStream out;
        private final FieldKey key;
        private final byte[] base;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK);
        private long chunk;
        private boolean closed;

        Sealer(DataOutputStream out, FieldKey key, byte[] base) {
            this.out = out;
            this.key = key;
            this.base = base;
        }

        @Override
        public void write(int b) throws IOException {
            buffer.write(b);
            if (buffer.size() >= CHUNK) {
                flushChunk(false);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                int take = Math.min(length, CHUNK - buffer.size());
                buffer.write(bytes, offset, take);
                offset += take;
                length -= take;
                if (buffer.size() >= CHUNK) {
                    flushChunk(false);
                }
            }
        }

        private void flushChunk(boolean last) throws IOException {
            byte[] sealed = key.algorithm().seal(key.bytes(), nonce(base, chunk), aad(chunk, last), buffer.toByteArray());
            out.writeByte(last ? 1 : 0);
            out.writeInt(sealed.length);
            out.write(sealed);
            buffer.reset();
            chunk++;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                flushChunk(true);
                out.close();
            }
        }
    }

    private static final class Opener extends InputStream {
        private final DataInputStream in;
        private final FieldKey key;
        private final byte[] base;
        private byte[] plain = new byte[0];
        private int position;
        private long chunk;
        private boolean ended;

        Opener(DataInputStream in, FieldKey key, byte[] base) {
            this.in = in;
            this.key = key;
            this.base = base;
        }

        private boolean next() throws IOException {
            if (ended) {
                return false;
            }
            try {
                int flag = in.read();
                if (flag < 0) {
                    throw new Refused("backup.refused.truncated");
                }
                int length = in.readInt();
                if (length < 16 || length > CHUNK + 16) {
                    throw new Refused("backup.refused.damaged");
                }
                byte[] sealed = new byte[length];
                in.readFully(sealed);
                plain = key.algorithm().open(key.bytes(), nonce(base, chunk), aad(chunk, flag == 1), sealed, 0, sealed.length);
                position = 0;
                chunk++;
                if (flag == 1) {
                    ended = true;
                    if (in.read() >= 0) {
                        throw new Refused("backup.refused.damaged");
                    }
                }
                return true;
            } catch (EOFException cut) {
                throw new Refused("backup.refused.truncated");
            } catch (AEADBadTagException tampered) {
                throw new Refused("backup.refused.damaged");
            }
        }

        @Override
        public int read() throws IOException {
            while (position >= plain.length) {
                if (!next()) {
                    return -1;
                }
            }
            return plain[position++] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            while (position >= plain.length) {
                if (!next()) {
                    return -1;
                }
            }
            int take = Math.min(length, plain.length - position);
            System.arraycopy(plain, position, bytes, offset, take);
            position += take;
            return take;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
