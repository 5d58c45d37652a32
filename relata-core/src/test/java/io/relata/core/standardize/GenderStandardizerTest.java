package io.relata.core.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class GenderStandardizerTest {

    @Test
    void recognisedForms() {
        for (String m : new String[] {"M", "male", "Man", "boy", "H", "Hombre", "MASCULINO"}) {
            assertThat(GenderStandardizer.standardize(m)).as(m).isEqualTo('M');
        }
        for (String f : new String[] {"f", "FEMALE", "woman", "Girl", "W", "mujer", "Femenino"}) {
            assertThat(GenderStandardizer.standardize(f)).as(f).isEqualTo('F');
        }
        for (String x : new String[] {"x", "Other", "nonbinary", "non-binary"}) {
            assertThat(GenderStandardizer.standardize(x)).as(x).isEqualTo('X');
        }
    }

    @Test
    void unknownIsZero() {
        assertThat(GenderStandardizer.standardize(null)).isEqualTo((char) 0);
        assertThat(GenderStandardizer.standardize("")).isEqualTo((char) 0);
        assertThat(GenderStandardizer.standardize("U")).isEqualTo((char) 0);
        assertThat(GenderStandardizer.standardize("unknown")).isEqualTo((char) 0);
    }

    @Property
    void neverThrows(@ForAll String s) {
        assertThat("MFX\0".indexOf(GenderStandardizer.standardize(s))).isNotNegative();
    }
}
