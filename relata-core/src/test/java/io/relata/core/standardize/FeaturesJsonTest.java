package io.relata.core.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.core.model.Identifier;
import io.relata.core.model.Name;
import io.relata.core.model.Record;
import org.junit.jupiter.api.Test;

class FeaturesJsonTest {
    @Test
    void writes_each_value_in_its_standard_form() throws Exception {
        Record r = Record.builder("S", "1").name(Name.full("Dr. José GARCÍA López Jr"))
                .dob("03/05/1980").phone("+1 (312) 867-4411").email("Jose@Example.COM")
                .identifier(new Identifier("A_NUMBER", "A-012-345-678", null)).build();
        JsonNode json = new ObjectMapper().readTree(FeaturesJson.of(new RecordStandardizer().standardize(r)));
        assertThat(json.get("type").asText()).isEqualTo("PERSON");
        assertThat(json.get("names").get(0).get("given").asText()).isEqualTo("jose");
        assertThat(json.get("names").get(0).get("suffix").asText()).isEqualTo("jr");
        assertThat(json.get("dob").asText()).isEqualTo("1980-05-03");
        assertThat(json.get("phones").get(0).asText()).isEqualTo("3128674411");
        assertThat(json.get("emails").get(0).asText()).isEqualTo("jose@example.com");
        assertThat(json.get("identifiers").get(0).get("value").asText()).isEqualTo("A012345678");
        assertThat(json.has("addresses")).isFalse();
    }
}
