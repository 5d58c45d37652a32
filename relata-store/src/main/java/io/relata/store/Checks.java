package io.relata.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Argument checks shared by the store's values and methods: bad input is an IllegalArgumentException that says why. */
final class Checks {
    /** The most hops a watch looks across: beyond three nearly everything is connected to everything. */
    static final int MAX_HOPS = 3;

    private Checks() {}

    static String text(String value, String what) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(what + " is required");
        return value;
    }

    /** Required text that fits its column. */
    static String text(String value, String what, int maxLength) {
        text(value, what);
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(what + " is " + value.length() + " characters long; at most "
                    + maxLength + " fit");
        }
        return value;
    }

    /** A SHA-256 digest as 64 lower-case hex digits: how tokens are kept, so that a token itself never is. */
    static String sha256Hex(String value, String what) {
        if (value == null || !value.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(what + " must be a SHA-256 digest in 64 lower-case hex digits");
        }
        return value;
    }

    static long id(long id, String what) {
        if (id <= 0) throw new IllegalArgumentException(what + " must be a positive id, not " + id);
        return id;
    }

    static int hops(int hops, String what) {
        if (hops < 0 || hops > MAX_HOPS) {
            throw new IllegalArgumentException(what + " must be 0 to " + MAX_HOPS + " hops, not " + hops);
        }
        return hops;
    }

    /** An enum constant as a person may type it (any case, surrounding blanks), or a message listing the choices. */
    static <E extends Enum<E>> E parse(Class<E> type, String text, String what) {
        E[] values = type.getEnumConstants();
        if (text != null) {
            String name = text.strip().toUpperCase(Locale.ROOT);
            for (E v : values) {
                if (v.name().equals(name)) return v;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + text + "': one of "
                + Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
