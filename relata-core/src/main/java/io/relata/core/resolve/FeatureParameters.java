package io.relata.core.resolve;

import java.util.List;

/** The parameters of one feature: one entry per comparison level, in the feature's level order. */
public record FeatureParameters(Feature feature, List<LevelParameters> levels) {
    public FeatureParameters {
        levels = List.copyOf(levels);
        if (levels.size() != feature.levelCount()) {
            throw new IllegalArgumentException(feature + " needs " + feature.levelCount() + " levels "
                    + feature.levels() + ", the model gives " + levels.size());
        }
        for (int i = 0; i < levels.size(); i++) {
            if (!levels.get(i).level().equals(feature.levels().get(i))) {
                throw new IllegalArgumentException(feature + " level " + i + " must be "
                        + feature.levels().get(i) + ", the model gives " + levels.get(i).level());
            }
        }
    }
}
