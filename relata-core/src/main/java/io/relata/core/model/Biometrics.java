package io.relata.core.model;

import java.util.List;

/** Fingerprint images and photographs, as paths relative to the file the record came from. */
public record Biometrics(List<Fingerprint> fingerprints, List<String> photos) {
    public static final Biometrics NONE = new Biometrics(List.of(), List.of());

    public Biometrics {
        fingerprints = fingerprints == null ? List.of() : List.copyOf(fingerprints);
        photos = photos == null ? List.of() : List.copyOf(photos);
    }

    public boolean isEmpty() {
        return fingerprints.isEmpty() && photos.isEmpty();
    }
}
