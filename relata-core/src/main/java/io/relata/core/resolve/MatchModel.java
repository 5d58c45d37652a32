package io.relata.core.resolve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Fellegi-Sunter match model as a value: the features with the m and u probability of each comparison
 * level, and the thresholds that turn a pair's evidence into an outcome. The evidence is the total weight
 * (a log2 Bayes factor) plus the prior log2 odds that two records of the population are one entity, so that
 * a larger population, where look-alikes are more likely, needs more evidence. It can be printed, saved,
 * loaded, trained and compared; nothing about scoring is hidden in code.
 *
 * @param matchThreshold   posterior log2 odds at or above which a pair is a MATCH
 * @param reviewThreshold  posterior log2 odds at or above which a pair is a POSSIBLE_MATCH for review
 * @param clusterThreshold posterior log2 odds, averaged over all record pairs across two entities, that a
 *                         merge needs
 * @param matchesPerRecord how many other records a record is expected to match: sets the prior odds
 * @param maxTermFrequencyBonus the most weight a rare agreed value may add over the level's average
 * @param lifetimeIdentifierTypes identifier types a person keeps for life: a different value is a conflict
 * @param personalFeatures features that describe one person rather than a household (given name, birth date,
 *                         identifiers): a conflict is overridden only by agreement on other personal features
 * @param conflictOverride the personal agreement (sum of positive weights) that outweighs one conflict
 * @param maxConflictShare the largest share of conflicting record pairs across two entities that may merge
 * @param minOtherEvidence the weight features other than names must add for a MATCH, unless the odds reach
 *                         {@code nameOnlyMatchOdds}
 * @param nameOnlyMatchOdds the posterior log2 odds at which names alone make a MATCH: 10 (1,000 to 1) takes a
 *                          full name, and a middle name, that hardly anyone else bears; absent (0) in models
 *                          saved before it, which then take the default
 */
public record MatchModel(
        String description,
        List<FeatureParameters> features,
        double matchThreshold,
        double reviewThreshold,
        double clusterThreshold,
        double maxTermFrequencyBonus,
        Set<String> lifetimeIdentifierTypes,
        Set<Feature> personalFeatures,
        double conflictOverride,
        double maxConflictShare,
        double minOtherEvidence,
        double nameOnlyMatchOdds,
        double matchesPerRecord) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** See {@code nameOnlyMatchOdds}. */
    public static final double DEFAULT_NAME_ONLY_MATCH_ODDS = 10;

    public MatchModel {
        features = withAddedFeatures(features);
        if (nameOnlyMatchOdds == 0) nameOnlyMatchOdds = DEFAULT_NAME_ONLY_MATCH_ODDS;
        lifetimeIdentifierTypes = Set.copyOf(lifetimeIdentifierTypes);
        personalFeatures = Set.copyOf(personalFeatures);
        if (features.size() != Feature.COUNT) {
            throw new IllegalArgumentException("a model needs parameters for every feature " + List.of(Feature.ALL));
        }
        for (int i = 0; i < Feature.COUNT; i++) {
            if (features.get(i).feature() != Feature.ALL[i]) {
                throw new IllegalArgumentException("features must be in the order " + List.of(Feature.ALL));
            }
        }
        if (reviewThreshold > matchThreshold) {
            throw new IllegalArgumentException("reviewThreshold must not exceed matchThreshold");
        }
    }

    /** A model saved before a feature was added (MIDDLE_NAME) gets it neutral (m = u: no evidence), so it loads. */
    private static List<FeatureParameters> withAddedFeatures(List<FeatureParameters> features) {
        if (features.size() != Feature.COUNT - Feature.ADDED.size()) return List.copyOf(features);
        List<FeatureParameters> all = new ArrayList<>(features);
        for (Feature f : Feature.ADDED) {
            if (f.ordinal() > all.size() || all.stream().anyMatch(p -> p.feature() == f)) return List.copyOf(features);
            List<LevelParameters> neutral = new ArrayList<>();
            for (String level : f.levels()) neutral.add(new LevelParameters(level, 1, 1, false, false));
            all.add(f.ordinal(), new FeatureParameters(f, neutral));
        }
        return List.copyOf(all);
    }

    /** The model Relata ships with, trained on generated multi-source data without labels. */
    public static MatchModel defaults() {
        try (InputStream in = MatchModel.class.getResourceAsStream("default-model.json")) {
            return JSON.readValue(in, MatchModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in match model", e);
        }
    }

    public static MatchModel load(Path file) {
        try {
            return JSON.readValue(file.toFile(), MatchModel.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read match model " + file + ": " + e.getMessage(), e);
        }
    }

    /** A model from its JSON text, as {@link #toJson} writes it. */
    public static MatchModel fromJson(String json) {
        try {
            return JSON.readValue(json, MatchModel.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read match model: " + e.getMessage(), e);
        }
    }

    public void save(Path file) throws IOException {
        Files.writeString(Files.createDirectories(file.toAbsolutePath().getParent()).resolve(file.getFileName()), toJson());
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FeatureParameters parameters(Feature f) {
        return features.get(f.ordinal());
    }

    public MatchModel withFeatures(List<FeatureParameters> newFeatures) {
        return new MatchModel(description, newFeatures, matchThreshold, reviewThreshold, clusterThreshold,
                maxTermFrequencyBonus, lifetimeIdentifierTypes, personalFeatures, conflictOverride, maxConflictShare, minOtherEvidence, nameOnlyMatchOdds, matchesPerRecord);
    }

    public MatchModel withThresholds(double match, double review, double cluster) {
        return new MatchModel(description, features, match, review, cluster, maxTermFrequencyBonus,
                lifetimeIdentifierTypes, personalFeatures, conflictOverride, maxConflictShare, minOtherEvidence, nameOnlyMatchOdds, matchesPerRecord);
    }

    public MatchModel withConflictRules(double override, double share) {
        return new MatchModel(description, features, matchThreshold, reviewThreshold, clusterThreshold,
                maxTermFrequencyBonus, lifetimeIdentifierTypes, personalFeatures, override, share, minOtherEvidence, nameOnlyMatchOdds, matchesPerRecord);
    }

    public MatchModel withNameOnlyMatchOdds(double odds) {
        return new MatchModel(description, features, matchThreshold, reviewThreshold, clusterThreshold,
                maxTermFrequencyBonus, lifetimeIdentifierTypes, personalFeatures, conflictOverride, maxConflictShare, minOtherEvidence, odds, matchesPerRecord);
    }

    public MatchModel withDescription(String text) {
        return new MatchModel(text, features, matchThreshold, reviewThreshold, clusterThreshold,
                maxTermFrequencyBonus, lifetimeIdentifierTypes, personalFeatures, conflictOverride, maxConflictShare, minOtherEvidence, nameOnlyMatchOdds, matchesPerRecord);
    }

    /** The prior log2 odds that two records of a population of {@code records} are one entity. */
    public double priorWeight(long records) {
        return Math.log(matchesPerRecord / Math.max(1, records - 1)) / Math.log(2);
    }

    /** A table of every feature level with its m, u and weight, for people to read. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(description).append('\n');
        b.append(String.format("thresholds: match %.1f, review %.1f, cluster %.1f (posterior log2 odds),"
                + " conflict override %.1f (log2 Bayes factor)%n", matchThreshold, reviewThreshold, clusterThreshold, conflictOverride));
        b.append("personal features: ").append(personalFeatures).append('\n');
        for (FeatureParameters fp : features) {
            b.append(fp.feature()).append('\n');
            for (LevelParameters l : fp.levels()) {
                b.append(String.format("  %-18s m=%.4f u=%.6f weight=%+6.2f%s%s%n", l.level(), l.m(), l.u(),
                        l.weight(), l.termFrequency() ? " tf" : "", l.conflict() ? " CONFLICT" : ""));
            }
        }
        return b.toString();
    }

    static List<FeatureParameters> copyFeatures(MatchModel model) {
        return new ArrayList<>(model.features());
    }
}
