package io.relata.core.standardize;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.relata.core.standardize.DateStandardizer.StandardDate;
import io.relata.core.standardize.IdentifierStandardizer.StandardIdentifier;
import io.relata.core.standardize.OrganizationNameStandardizer.StandardOrgName;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A record's standardized features as JSON, for people and for the store: each value in the one form the
 * matcher compares (names folded and split, dates ISO, phones as national numbers, identifiers
 * normalized), with what could not be standardized under {@code problems}. Fields without values are left out.
 */
public final class FeaturesJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private FeaturesJson() {}

    public static String of(RecordFeatures f) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("type", f.type().name());
            if (f.names().length > 0) {
                json.writeArrayFieldStart("names");
                for (PersonNameFeatures n : f.names()) {
                    json.writeStartObject();
                    field(json, "given", n.given());
                    field(json, "middle", n.middle());
                    field(json, "surname", n.surname());
                    field(json, "suffix", n.suffix());
                    field(json, "givenRoot", n.givenRoot());
                    if (n.alias()) json.writeBooleanField("alias", true);
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            if (f.orgNames().length > 0) {
                json.writeArrayFieldStart("organizationNames");
                for (StandardOrgName o : f.orgNames()) {
                    json.writeStartObject();
                    field(json, "name", o.name());
                    field(json, "legalForm", o.legalForm());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            if (f.dob() != null) field(json, "dob", date(f.dob()));
            if (f.implausibleDob() != 0) json.writeNumberField("implausibleDob", f.implausibleDob());
            if (f.gender() != 0) json.writeStringField("gender", String.valueOf(f.gender()));
            strings(json, "nationalities", f.nationalities());
            strings(json, "phones", f.phones());
            strings(json, "emails", f.emails());
            if (f.identifiers().length > 0) {
                json.writeArrayFieldStart("identifiers");
                for (StandardIdentifier id : f.identifiers()) {
                    json.writeStartObject();
                    field(json, "type", id.type());
                    field(json, "value", id.value());
                    field(json, "country", id.country());
                    if (!id.valid()) json.writeBooleanField("valid", false);
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            if (f.addresses().length > 0) {
                json.writeArrayFieldStart("addresses");
                for (AddressFeatures a : f.addresses()) json.writeString(a.full());
                json.writeEndArray();
            }
            strings(json, "problems", f.problems().toArray(String[]::new));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /** ISO form, as far as the date is known: 1980-05-03, 1980-05 or 1980. */
    static String date(StandardDate d) {
        if (d.month() == 0) return String.format("%04d", d.year());
        if (d.day() == 0) return String.format("%04d-%02d", d.year(), d.month());
        return String.format("%04d-%02d-%02d", d.year(), d.month(), d.day());
    }

    private static void field(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) json.writeStringField(name, value);
    }

    private static void strings(JsonGenerator json, String name, String[] values) throws IOException {
        if (values.length == 0) return;
        json.writeArrayFieldStart(name);
        for (String v : values) json.writeString(v);
        json.writeEndArray();
    }
}
