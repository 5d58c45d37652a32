package io.relata.core.relate;

import java.util.EnumMap;
import java.util.Map;

/**
 * The knobs of relationship discovery, kept out of the code like the match model's weights.
 *
 * @param weight         what one piece of evidence of each type is worth when its value is shared by just two
 *                       entities (a disclosed link is worth its {@code disclosedWeight})
 * @param genericAbove   a value shared by more entities than this is generic (a shelter, a lawyer's office, a
 *                       placeholder phone, a big employer): it links nobody and is reported as hidden
 * @param disclosedWeight what a disclosed link of each type is worth; other types get {@code otherDisclosed}
 * @param minSharedTrips how many trips (same reference, same date) two entities must share to be related
 */
public record RelateSettings(Map<RelationType, Double> weight, Map<RelationType, Integer> genericAbove,
                             Map<String, Double> disclosedWeight, double otherDisclosed, int minSharedTrips) {

    public RelateSettings {
        weight = Map.copyOf(weight);
        genericAbove = Map.copyOf(genericAbove);
        disclosedWeight = Map.copyOf(disclosedWeight);
        if (minSharedTrips < 1) throw new IllegalArgumentException("minSharedTrips must be at least 1");
    }

    public static RelateSettings defaults() {
        Map<RelationType, Double> w = new EnumMap<>(RelationType.class);
        w.put(RelationType.SHARED_IDENTIFIER, 0.9);
        w.put(RelationType.SHARED_EMAIL, 0.7);
        w.put(RelationType.SHARED_PHONE, 0.6);
        w.put(RelationType.SHARED_ADDRESS, 0.5);
        w.put(RelationType.SHARED_SPONSOR, 0.4);
        w.put(RelationType.SHARED_EMPLOYER, 0.3);
        w.put(RelationType.SHARED_SCHOOL, 0.2);
        w.put(RelationType.CO_TRAVEL, 0.35);
        w.put(RelationType.POSSIBLY_SAME, 0.9);
        Map<RelationType, Integer> g = new EnumMap<>(RelationType.class);
        g.put(RelationType.SHARED_IDENTIFIER, 6);
        g.put(RelationType.SHARED_EMAIL, 6);
        g.put(RelationType.SHARED_PHONE, 10);
        g.put(RelationType.SHARED_ADDRESS, 12);
        g.put(RelationType.SHARED_SPONSOR, 40);
        g.put(RelationType.SHARED_EMPLOYER, 40);
        g.put(RelationType.SHARED_SCHOOL, 40);
        g.put(RelationType.CO_TRAVEL, 400);
        return new RelateSettings(w, g, Map.of("FAMILY", 0.9, "SPOUSE", 0.9, "ASSOCIATE", 0.7, "SPONSOR", 0.6,
                "EMPLOYER", 0.6, "SCHOOL", 0.5), 0.5, 2);
    }

    public double weight(RelationType type) {
        return weight.getOrDefault(type, 0.5);
    }

    public int genericAbove(RelationType type) {
        return genericAbove.getOrDefault(type, 10);
    }

    public double disclosedWeight(String type) {
        return disclosedWeight.getOrDefault(type, otherDisclosed);
    }

    /**
     * How specific a value shared by {@code n} entities is: 1 for two, falling slowly (1 / (1 + log2(n - 1))),
     * since a phone shared by three people still says much more than one shared by ten.
     */
    public static double specificity(int n) {
        return n <= 2 ? 1.0 : 1.0 / (1.0 + Math.log(n - 1) / Math.log(2));
    }

    public RelateSettings withGenericAbove(RelationType type, int n) {
        Map<RelationType, Integer> g = new EnumMap<>(RelationType.class); // EnumMap(Map) refuses an empty plain map
        g.putAll(genericAbove);
        g.put(type, n);
        return new RelateSettings(weight, g, disclosedWeight, otherDisclosed, minSharedTrips);
    }
}
