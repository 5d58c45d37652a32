package io.relata.store;

import io.relata.core.model.RecordKey;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the values written to the store accept, and what they say when they refuse. */
class StoreValuesTest {
    @Test
    void aFoundLeadNeedsAPatternAKeyThatFitsAScoreAndEntities() {
        FoundLead lead = new FoundLead("ring", "anchor:9", 1.5, "{}", "[]", List.of(3L, 1L, 3L));
        assertThat(lead.entities()).containsExactly(1L, 3L);
        assertThat(lead.memberCount()).isEqualTo(2);

        assertThatThrownBy(() -> new FoundLead(" ", "k", 1, "{}", "[]", List.of(1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a lead's pattern is required");
        assertThatThrownBy(() -> new FoundLead("ring", "k".repeat(501), 1, "{}", "[]", List.of(1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the key of a ring lead is 501 characters long; at most 500 fit");
        assertThatThrownBy(() -> new FoundLead("ring", "k", Double.NaN, "{}", "[]", List.of(1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lead ring:k has no finite score");
        assertThatThrownBy(() -> new FoundLead("ring", "k", 1, "{}", "[]", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lead ring:k involves no entity");
        assertThatThrownBy(() -> new FoundLead("ring", "k", 1, "{}", "[]", Arrays.asList(1L, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lead ring:k has entity id null");
        assertThatThrownBy(() -> new FoundLead("ring", "k", 1, "{}", "[]", List.of(0L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lead ring:k has entity id 0");
        assertThatThrownBy(() -> new FoundLead("ring", "k", 1, null, "[]", List.of(1L))).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aNewAlertIsWithinThreeHopsOfItsWatch() {
        Watch watch = new Watch(4, 2, 10, 2, "ana", null, null, true);
        RecordKey trigger = new RecordKey("DMV", "1");
        assertThat(NewAlert.of(watch, 11, trigger, AlertKind.NEW_RELATIONSHIP, 1, "{}"))
                .isEqualTo(new NewAlert(4, 2, 10, 11, trigger, AlertKind.NEW_RELATIONSHIP, 1, "{}"));
        assertThatThrownBy(() -> NewAlert.of(watch, 11, trigger, AlertKind.NEW_RELATIONSHIP, 4, "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("an alert's distance must be 0 to 3 hops, not 4");
        assertThatThrownBy(() -> NewAlert.of(watch, 0, trigger, AlertKind.NEW_RELATIONSHIP, 1, "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("an alert's touched entity must be a positive id, not 0");
        assertThatThrownBy(() -> NewAlert.of(watch, 11, trigger, null, 1, "{}")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void statusesKindsAndRolesAreReadAsPeopleTypeThem() {
        assertThat(LeadStatus.parse(" dismissed ")).isEqualTo(LeadStatus.DISMISSED);
        assertThat(AlertStatus.parse("Acknowledged")).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(AlertKind.parse("resolved_into")).isEqualTo(AlertKind.RESOLVED_INTO);
        assertThat(CaseRole.parse("owner")).isEqualTo(CaseRole.OWNER);
        assertThat(CaseStatus.parse("CLOSED")).isEqualTo(CaseStatus.CLOSED);
        assertThatThrownBy(() -> LeadStatus.parse("maybe")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown lead status 'maybe': one of OPEN, REVIEWED, DISMISSED, ESCALATED, RETIRED");
        assertThatThrownBy(() -> AlertStatus.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown alert status 'null': one of OPEN, ACKNOWLEDGED, DISMISSED");
    }
}
