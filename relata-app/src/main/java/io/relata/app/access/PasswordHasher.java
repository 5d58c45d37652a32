package io.relata.app.access;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id password hashes in the PHC string format the reference implementation writes,
 * {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH} (base64 without padding), so a hash says how it was made and
 * stronger parameters later do not invalidate the old ones. Parameters are OWASP's minimum for Argon2id: 19 MiB,
 * 2 passes, 1 lane; a random 16-byte salt and a 32-byte hash. Thread-safe.
 */
public final class PasswordHasher {
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** Bounds for a hash to verify: a tampered one must not make the server spend gigabytes or hours on it. */
    private static final int MAX_MEMORY_KIB = 1024 * 1024;
    private static final int MAX_ITERATIONS = 20;
    private static final int MAX_PARALLELISM = 16;
    private static final Pattern ENCODED = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=([1-9]\\d{0,6}),t=([1-9]\\d?),p=([1-9]\\d?)\\$([A-Za-z0-9+/]{11,86})\\$([A-Za-z0-9+/]{22,86})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    /** A new hash of the password, with a new salt. The caller still owns (and may clear) {@code password}. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether the password is the one {@code encoded} was made from, compared in constant time. An encoding that
     * is not a well-formed Argon2id hash within sane bounds (tampered, truncated, another algorithm) never
     * verifies.
     */
    public boolean verify(char[] password, String encoded) {
        Matcher m = encoded == null ? null : ENCODED.matcher(encoded);
        if (m == null || !m.matches()) return false;
        int memory = Integer.parseInt(m.group(1));
        int iterations = Integer.parseInt(m.group(2));
        int parallelism = Integer.parseInt(m.group(3));
        if (parallelism < 1 || parallelism > MAX_PARALLELISM || iterations < 1 || iterations > MAX_ITERATIONS
                || memory < 8 * parallelism || memory > MAX_MEMORY_KIB) {
            return false;
        }
        byte[] salt = decode(m.group(4));
        byte[] expected = decode(m.group(5));
        if (salt == null || expected == null || salt.length < 8 || expected.length < 16) return false;
        byte[] actual = argon2(password, salt, memory, iterations, parallelism, expected.length);
        return MessageDigest.isEqual(actual, expected);
    }

    /** Whether a hash was made with weaker parameters than today's, so that it should be made again at sign-in. */
    public boolean needsRehash(String encoded) {
        Matcher m = encoded == null ? null : ENCODED.matcher(encoded);
        return m == null || !m.matches() || Integer.parseInt(m.group(1)) < MEMORY_KIB
                || Integer.parseInt(m.group(2)) < ITERATIONS;
    }

    /** Canonical base64 without padding only: the same bytes have exactly one encoding, so tampering shows. */
    private static byte[] decode(String text) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return B64.encodeToString(bytes).equals(text) ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] argon2(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        byte[] utf8 = utf8(password);
        try {
            generator.generateBytes(utf8, out);
        } finally {
            Arrays.fill(utf8, (byte) 0);
            parameters.clear();
        }
        return out;
    }

    /** The password's UTF-8 bytes, without a String that would keep it in memory until collected. */
    private static byte[] utf8(char[] password) {
        try {
            ByteBuffer buffer = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .encode(CharBuffer.wrap(password));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            if (buffer.hasArray()) Arrays.fill(buffer.array(), (byte) 0);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("UTF-8 cannot encode a password", e); // not with REPLACE
        }
    }
}
