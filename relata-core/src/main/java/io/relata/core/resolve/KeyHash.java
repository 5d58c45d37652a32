package io.relata.core.resolve;

/**
 * 64-bit hashes of (kind, value...) tuples, built without concatenating strings. Used for blocking keys and
 * value frequencies, where a rare collision only costs an extra candidate pair or a slightly wrong count.
 */
final class KeyHash {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L, FNV_PRIME = 0x100000001b3L;

    private KeyHash() {}

    static long start(int kind) {
        return mixChar(FNV_OFFSET, kind);
    }

    static long add(long h, String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            h = mixChar(h, s.charAt(i));
        }
        return mixChar(h, 0x1F);
    }

    static long add(long h, int v) {
        h = mixChar(h, v & 0xFFFF);
        return mixChar(h, v >>> 16);
    }

    static long of(int kind, String value) {
        return finish(add(start(kind), value));
    }

    /** Spreads the bits (MurmurHash3's finalizer) so that the high bits can serve as a sort key. */
    static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static long mixChar(long h, int c) {
        return (h ^ c) * FNV_PRIME;
    }
}
