package io.relata.app.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enum constants as people type them: any case, blanks around, '-' for '_'. */
final class EnumNames {
    private EnumNames() {}

    static <E extends Enum<E>> E parse(Class<E> type, String text, String what) {
        if (text != null) {
            String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E v : type.getEnumConstants()) {
                if (v.name().equals(name)) return v;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + text + "': one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
