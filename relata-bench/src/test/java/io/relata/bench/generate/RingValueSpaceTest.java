package io.relata.bench.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Ordinary values never come from the slice kept for rings and ring values always do: why ring values stay unique. */
class RingValueSpaceTest {
    private final PersonFactory people = new PersonFactory(new java.util.function.Supplier<>() {
        long n;
        @Override public String get() { return "E" + (++n); }
    });

    @Test
    void ordinaryPeopleAndOrganizationsNeverDrawAReservedValue() {
        SplittableRandom rng = new SplittableRandom(42);
        List<Person> persons = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) persons.add(people.single(rng));
        for (int i = 0; i < 5_000; i++) persons.addAll(people.household(rng, 4, false, false));
        int values = 0;
        for (Person p : persons) {
            for (PostalAddress a : new PostalAddress[] {p.address, p.previousAddress}) {
                if (a != null) { assertThat(RingValueSpace.reserved(a)).as("%s", a).isFalse(); values++; }
            }
            for (String phone : new String[] {p.phone, p.previousPhone}) {
                if (phone != null) { assertThat(RingValueSpace.reserved(SharedValue.Kind.PHONE, phone)).as(phone).isFalse(); values++; }
            }
            if (p.ssn != null) assertThat(RingValueSpace.reserved(SharedValue.Kind.SSN, p.ssn)).as(p.ssn).isFalse();
            if (p.aNumber != null) assertThat(RingValueSpace.reserved(SharedValue.Kind.A_NUMBER, p.aNumber)).as(p.aNumber).isFalse();
            if (p.email != null) assertThat(RingValueSpace.reserved(SharedValue.Kind.EMAIL, p.email)).as(p.email).isFalse();
        }
        for (int i = 0; i < 5_000; i++) {
            Organization o = people.organization(rng, Organization.Kind.EMPLOYER);
            assertThat(RingValueSpace.reserved(o.address)).isFalse();
            assertThat(RingValueSpace.reserved(SharedValue.Kind.PHONE, o.phone)).isFalse();
        }
        assertThat(values).isGreaterThan(80_000);
    }

    @Test
    void ringValuesAreAlwaysReservedAndNeverGeneric() {
        SplittableRandom rng = new SplittableRandom(43);
        PostalAddress near = people.usAddress(rng);
        for (SharedValue.Kind kind : SharedValue.Kind.values()) {
            for (int i = 0; i < 2_000; i++) {
                SharedValue v = people.ringValue(rng, kind, near);
                assertThat(RingValueSpace.reserved(kind, v.key())).as("%s", v).isTrue();
                if (kind == SharedValue.Kind.ADDRESS) assertThat(GenericValues.isGeneric(v.address())).isFalse();
                if (kind == SharedValue.Kind.PHONE) assertThat(v.text()).matches("[2-9]\\d{2}[2-9]\\d{6}");
                if (kind == SharedValue.Kind.SSN) assertThat(v.text()).matches("\\d{9}").doesNotStartWith("9").doesNotStartWith("000");
                if (kind == SharedValue.Kind.A_NUMBER) assertThat(v.text()).matches("A[1-9]\\d{8}");
            }
        }
    }

    /** The slice is about 1/64 of each space, so ordinary data loses little and rings draw quickly. */
    @Test
    void theSliceIsSmall() {
        int reserved = 0;
        for (int i = 0; i < 64_000; i++) if (RingValueSpace.reserved(SharedValue.Kind.SSN, String.format("%09d", 100_000_000 + i * 7919))) reserved++;
        assertThat(reserved).isBetween(800, 1_200);
    }
}
