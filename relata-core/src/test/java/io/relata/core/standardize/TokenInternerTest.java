package io.relata.core.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenInternerTest {
    private final TokenInterner tokens = new TokenInterner();

    @Test
    void equalTokensShareOneInstance() {
        String a = tokens.intern(new String("smith")), b = tokens.intern(new String("smith"));
        assertThat(a).isSameAs(b);
        assertThat(tokens.intern(null)).isNull();
    }

    @Test
    void aNameTokenCarriesItsRootAndSoundAndIsMadeOncePerName() {
        TokenInterner.NameToken bill = tokens.name(new String("bill"));
        assertThat(bill.name()).isEqualTo("bill");
        assertThat(bill.root()).isEqualTo("william");
        assertThat(bill.phonetic()).isEqualTo(NameStandardizer.phonetic("bill"));
        assertThat(tokens.name(new String("bill"))).isSameAs(bill);
        assertThat(bill.name()).isSameAs(tokens.intern("bill"));
        // a compound surname sounds as one word, as blocking and comparing expect
        assertThat(tokens.name("garcia lopez").phonetic()).isEqualTo(NameStandardizer.phonetic("garcialopez"));
    }
}
