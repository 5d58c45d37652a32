package io.relata.core.resolve;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of one feature: one entry per comparison level, in the feature's level order. A model saved
 * before a level was added (DOB NEAR) gets that level as neutral (m = u: no evidence), so it still loads.
 */
public record FeatureParameters(Feature feature, List<LevelParameters> levels) {
    public FeatureParameters {
        levels = List.copyOf(withAddedLevels(feature, levels));
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

    private static List<LevelParameters> withAddedLevels(Feature feature, List<LevelParameters> levels) {
        if (levels.size() != feature.levelCount() - feature.addedLevels().size()) return levels;
        List<LevelParameters> all = new ArrayList<>(levels);
        for (String added : feature.addedLevels()) {
            int at = feature.level(added);
            if (at > all.size() || all.stream().anyMatch(l -> l.level().equals(added))) return levels;
            all.add(at, new LevelParameters(added, 1, 1, false, false));
        }
        return all;
    }
}
