package io.relata.core.model;

/** One fingerprint image, its path relative to the file the record came from. */
public record Fingerprint(String finger, String image) {}
