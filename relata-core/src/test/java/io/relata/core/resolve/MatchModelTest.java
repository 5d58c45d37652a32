package io.relata.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchModelTest {
    private static final MatchModel DEFAULTS = MatchModel.defaults();

    @Test
    void defaultsLoadWithEveryFeatureInOrder() {
        assertThat(DEFAULTS.features()).extracting(FeatureParameters::feature).containsExactly(Feature.ALL);
        for (Feature f : Feature.ALL) {
            assertThat(DEFAULTS.parameters(f).levels()).extracting(LevelParameters::level)
                    .containsExactlyElementsOf(f.levels());
        }
        assertThat(DEFAULTS.reviewThreshold()).isLessThanOrEqualTo(DEFAULTS.matchThreshold());
        assertThat(DEFAULTS.lifetimeIdentifierTypes()).contains("A_NUMBER").doesNotContain("PASSPORT");
    }

    @Test
    void defaultWeightsHaveTheRightSigns() {
        for (Feature f : Feature.ALL) {
            List<LevelParameters> levels = DEFAULTS.parameters(f).levels();
            // the strongest agreement speaks for a match
            assertThat(levels.get(0).weight()).as("%s %s", f, levels.get(0).level()).isPositive();
            // missing carries no evidence
            assertThat(levels.get(f.missing()).weight()).as("%s MISSING", f).isZero();
            // every conflict level speaks against a match
            for (LevelParameters l : levels) {
                if (l.conflict()) assertThat(l.weight()).as("%s %s", f, l.level()).isNegative();
            }
        }
        assertThat(weight(Feature.DOB, "EXACT")).isGreaterThan(weight(Feature.DOB, "CLOSE"));
        assertThat(weight(Feature.DOB, "DIFFERENT")).isNegative();
        assertThat(weight(Feature.IDENTIFIER, "CONFLICT")).isLessThan(weight(Feature.IDENTIFIER, "EXACT"));
        assertThat(weight(Feature.GIVEN_NAME, "EXACT")).isGreaterThan(weight(Feature.GIVEN_NAME, "INITIAL"));
    }

    private static double weight(Feature f, String level) {
        return DEFAULTS.parameters(f).levels().get(f.level(level)).weight();
    }

    @Test
    void jsonRoundTripIsEqual(@TempDir Path dir) throws IOException {
        assertThat(load(dir, DEFAULTS.toJson())).isEqualTo(DEFAULTS);
        MatchModel changed = DEFAULTS.withThresholds(14, 7, 5).withConflictRules(18, 0.1).withDescription("tuned");
        Path file = dir.resolve("saved.json");
        changed.save(file);
        assertThat(MatchModel.load(file)).isEqualTo(changed).isNotEqualTo(DEFAULTS);
    }

    private static MatchModel load(Path dir, String json) throws IOException {
        Path file = dir.resolve("model.json");
        Files.writeString(file, json);
        return MatchModel.load(file);
    }

    @Test
    void levelsOutOfOrderAreRejectedNamingTheLevel(@TempDir Path dir) {
        // SWAPPED and CLOSE exchanged in the file
        String json = DEFAULTS.toJson();
        int swapped = json.indexOf("\"SWAPPED\""), close = json.indexOf("\"CLOSE\"", json.indexOf("\"DOB\""));
        assertThat(swapped).isPositive().isLessThan(close);
        String bad = json.substring(0, swapped) + "\"CLOSE\"" + json.substring(swapped + 9, close) + "\"SWAPPED\""
                + json.substring(close + 7);

        assertThatThrownBy(() -> load(dir, bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DOB level 1 must be SWAPPED");
    }

    @Test
    void aModelSavedBeforeTheNearBirthDateLevelLoadsWithItNeutral(@TempDir Path dir) throws IOException {
        String json = DEFAULTS.toJson();
        int dob = json.indexOf("\"DOB\"");
        int start = json.lastIndexOf('{', json.indexOf("\"NEAR\"", dob)), end = json.indexOf('}', start) + 1;
        MatchModel old = load(dir, json.substring(0, start) + json.substring(end + 1));

        LevelParameters near = old.parameters(Feature.DOB).levels().get(DateComparator.NEAR);
        assertThat(near.level()).isEqualTo("NEAR");
        assertThat(near.weight()).isZero();
        assertThat(near.conflict()).isFalse();
        assertThat(old.parameters(Feature.DOB).levels().get(DateComparator.DIFFERENT))
                .isEqualTo(DEFAULTS.parameters(Feature.DOB).levels().get(DateComparator.DIFFERENT));
    }

    @Test
    void aModelSavedBeforeTheMiddleNameFeatureLoadsWithItNeutral() {
        List<FeatureParameters> old = new ArrayList<>(DEFAULTS.features());
        old.remove(Feature.MIDDLE_NAME.ordinal());

        MatchModel loaded = DEFAULTS.withFeatures(old);

        assertThat(loaded.parameters(Feature.MIDDLE_NAME).levels()).allSatisfy(l -> assertThat(l.weight()).isZero());
        assertThat(loaded.parameters(Feature.SURNAME)).isEqualTo(DEFAULTS.parameters(Feature.SURNAME));
        assertThat(loaded.parameters(Feature.NAME_SUFFIX)).isEqualTo(DEFAULTS.parameters(Feature.NAME_SUFFIX));
    }

    @Test
    void aMissingLevelIsRejected() {
        List<LevelParameters> levels = new ArrayList<>(DEFAULTS.parameters(Feature.PHONE).levels());
        levels.remove(1);
        assertThatThrownBy(() -> new FeatureParameters(Feature.PHONE, levels))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PHONE needs 4 levels");
    }

    @Test
    void aMissingLevelInAFileIsRejectedWithTheFileName(@TempDir Path dir) {
        String json = DEFAULTS.toJson();
        // drop the e-mail CLOSE level object
        int email = json.indexOf("\"EMAIL\"");
        int start = json.lastIndexOf('{', json.indexOf("\"CLOSE\"", email)), end = json.indexOf('}', start) + 1;
        String bad = json.substring(0, start) + json.substring(end + 1); // and its trailing comma

        assertThatThrownBy(() -> load(dir, bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model.json")
                .hasMessageContaining("EMAIL needs 4 levels");
    }

    @Test
    void featuresMissingOrOutOfOrderAreRejected() {
        List<FeatureParameters> fewer = new ArrayList<>(DEFAULTS.features());
        fewer.remove(fewer.size() - 1);
        assertThatThrownBy(() -> DEFAULTS.withFeatures(fewer))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every feature");

        List<FeatureParameters> shuffled = new ArrayList<>(DEFAULTS.features());
        Collections.swap(shuffled, 0, 1);
        assertThatThrownBy(() -> DEFAULTS.withFeatures(shuffled))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order");
    }

    @Test
    void reviewThresholdAboveMatchThresholdIsRejected() {
        assertThatThrownBy(() -> DEFAULTS.withThresholds(5, 8, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reviewThreshold");
    }

    @Test
    void unreadableFileIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> MatchModel.load(dir.resolve("absent.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absent.json");
    }

    @Test
    void describeListsEveryFeatureAndLevel() {
        String text = DEFAULTS.describe();
        assertThat(text).startsWith(DEFAULTS.description());
        for (Feature f : Feature.ALL) {
            assertThat(text).contains(f.name());
            for (String level : f.levels()) assertThat(text).contains(level);
        }
        assertThat(text).contains("CONFLICT").contains(" tf");
    }

    @Test
    void levelWeightIsLog2OfMOverU() {
        LevelParameters p = new LevelParameters("EXACT", 0.8, 0.1, false, false);
        assertThat(p.weight()).isEqualTo(3.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(new LevelParameters("X", 0.5, 0.5, false, false).weight()).isZero();
    }
}
