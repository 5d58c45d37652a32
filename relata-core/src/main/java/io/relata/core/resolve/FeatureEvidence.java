package io.relata.core.resolve;

/** How one feature of two records compared: its level, the weight it added, and the value they share. */
public record FeatureEvidence(Feature feature, String level, double weight, boolean conflict, String agreedValue) {}
