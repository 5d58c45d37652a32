package io.relata.core.relate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelateSettingsTest {
    @Test
    void unset_knobs_fall_back_to_their_defaults_and_a_generic_limit_can_be_added_to_settings_without_any() {
        RelateSettings bare = new RelateSettings(Map.of(), Map.of(), Map.of(), 0.4, 2);
        assertThat(bare.weight(RelationType.SHARED_PHONE)).isEqualTo(0.5);
        assertThat(bare.genericAbove(RelationType.SHARED_PHONE)).isEqualTo(10);
        assertThat(bare.disclosedWeight("FAMILY")).isEqualTo(0.4);

        RelateSettings one = bare.withGenericAbove(RelationType.SHARED_EMAIL, 3);
        assertThat(one.genericAbove(RelationType.SHARED_EMAIL)).isEqualTo(3);
        assertThat(one.genericAbove(RelationType.SHARED_PHONE)).isEqualTo(10);
        assertThat(bare.genericAbove(RelationType.SHARED_EMAIL)).isEqualTo(10);
    }

    @Test
    void the_settings_keep_their_own_copies() {
        Map<RelationType, Double> w = new HashMap<>(Map.of(RelationType.SHARED_PHONE, 0.6));
        RelateSettings s = new RelateSettings(w, Map.of(), Map.of(), 0.5, 2);
        w.put(RelationType.SHARED_PHONE, 0.1);
        assertThat(s.weight(RelationType.SHARED_PHONE)).isEqualTo(0.6);
        assertThatThrownBy(() -> s.weight().put(RelationType.SHARED_EMAIL, 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void specificity_is_one_for_two_and_falls_slowly() {
        assertThat(RelateSettings.specificity(2)).isEqualTo(1.0);
        assertThat(RelateSettings.specificity(3)).isEqualTo(0.5);
        assertThat(RelateSettings.specificity(5)).isEqualTo(1.0 / 3);
        assertThat(RelateSettings.specificity(9)).isEqualTo(0.25);
        for (int n = 3; n < 100; n++) assertThat(RelateSettings.specificity(n)).isLessThan(RelateSettings.specificity(n - 1));
    }
}
