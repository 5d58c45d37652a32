package io.relata.core.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TextFoldingTest {

    @Test
    void foldsAccentsCaseAndPunctuation() {
        assertThat(TextFolding.fold("José  GARCÍA-López")).isEqualTo("jose garcia lopez");
        assertThat(TextFolding.fold("  Müller, Hans-Jürgen  ")).isEqualTo("muller hans jurgen");
        assertThat(TextFolding.fold("Łukasz Żółć")).isEqualTo("lukasz zolc");
        assertThat(TextFolding.fold("Straße")).isEqualTo("strasse");
    }

    @Test
    void apostrophesJoinHyphensSeparate() {
        assertThat(TextFolding.fold("O'Brien")).isEqualTo("obrien");
        assertThat(TextFolding.fold("D'Angelo")).isEqualTo("dangelo");
        assertThat(TextFolding.fold("O’Neill")).isEqualTo("oneill");
        assertThat(TextFolding.fold("al-Rashid")).isEqualTo("al rashid");
    }

    @Test
    void transliteratesOtherScripts() {
        assertThat(TextFolding.fold("王小明")).isEqualTo("wang xiao ming");
        assertThat(TextFolding.fold("Мухаммед")).isEqualTo("mukhammed");
        assertThat(TextFolding.fold("Шевченко Юрий")).isEqualTo("shevchenko yuriy");
        assertThat(TextFolding.fold("Nguyễn Văn Thành")).isEqualTo("nguyen van thanh");
        assertThat(TextFolding.fold("Αλέξανδρος")).isEqualTo("alexandros");
        assertThat(TextFolding.fold("محمد")).matches("[a-z]+");
    }

    @Test
    void compatibilityFormsAndBlanks() {
        assertThat(TextFolding.fold("ﬁle Ｗｉｄｅ")).isEqualTo("file wide");
        assertThat(TextFolding.fold(null)).isEmpty();
        assertThat(TextFolding.fold("   ")).isEmpty();
        assertThat(TextFolding.fold("--..--")).isEmpty();
    }

    @Test
    void alreadyFoldedInputIsReturnedAsIs() {
        String s = "john smith 42";
        assertThat(TextFolding.fold(s)).isSameAs(s);
    }

    @Test
    void tokens() {
        assertThat(TextFolding.tokens("J. R. R. Tolkien")).containsExactly("j", "r", "r", "tolkien");
        assertThat(TextFolding.tokens("")).isEmpty();
    }

    @Test
    void latinFastPathAgreesWithIcu() {
        com.ibm.icu.text.Transliterator icu = com.ibm.icu.text.Transliterator.getInstance("NFKC; Any-Latin; Latin-ASCII");
        for (String s : new String[] {"José GARCÍA-López", "Straße Ærø Œuvre", "Łódź Đorđević", "Þórður Ísleifsson",
                "Ångström Çelik Şahin İstanbul", "François d’Estaing", "Nguyễn Văn Thành", "Smørrebrød « quoted »"}) {
            assertThat(TextFolding.fold(s)).as(s).isEqualTo(TextFolding.fold(icu.transliterate(s)));
        }
    }

    @Property
    void outputIsLowercaseAsciiWithSingleSpaces(@ForAll String s) {
        String f = TextFolding.fold(s);
        assertThat(f).matches("([a-z0-9]+( [a-z0-9]+)*)?");
    }

    @Property
    void foldIsIdempotent(@ForAll String s) {
        String f = TextFolding.fold(s);
        assertThat(TextFolding.fold(f)).isEqualTo(f);
    }
}
