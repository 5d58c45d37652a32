package io.relata.store;

import java.util.Objects;

/**
 * A registered source system: who owns it, why its data is held, the country its phones and addresses default
 * to (ISO 3166 alpha-2, or null), how many days its records may be kept (null = no limit set) and its access
 * label ({@code INTERNAL} unless said otherwise).
 */
public record SourceInfo(String code, String name, String owner, String purpose, String defaultCountry,
                         Integer retentionDays, String accessLabel) {
    public static final String DEFAULT_ACCESS_LABEL = "INTERNAL";

    public SourceInfo {
        Objects.requireNonNull(code, "code");
        if (name == null || name.isBlank()) name = code;
        if (accessLabel == null || accessLabel.isBlank()) accessLabel = DEFAULT_ACCESS_LABEL;
    }

    /** A source known only by its code, as {@link StoreBatch#ensureSource} registers it. */
    public static SourceInfo of(String code) {
        return new SourceInfo(code, code, null, null, null, null, DEFAULT_ACCESS_LABEL);
    }
}
