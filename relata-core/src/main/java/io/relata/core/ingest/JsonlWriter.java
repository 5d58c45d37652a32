package io.relata.core.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.relata.core.model.Address;
import io.relata.core.model.EntityType;
import io.relata.core.model.Event;
import io.relata.core.model.Identifier;
import io.relata.core.model.Name;
import io.relata.core.model.NameUse;
import io.relata.core.model.Record;
import io.relata.core.model.Relationship;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes records as canonical JSON Lines (record-format.md): one object per line, absent values left out.
 * The same record always gives the same text, so the store keeps it as the record's content and compares it
 * to tell a changed record from an unchanged one.
 */
public final class JsonlWriter implements AutoCloseable {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private final JsonGenerator json;
    private final java.io.Flushable out;

    public JsonlWriter(Writer out) throws IOException {
        this(FACTORY.createGenerator(out), out);
    }

    /** Straight to UTF-8 bytes: Jackson's byte generator is markedly faster than going through a Writer. */
    public JsonlWriter(java.io.OutputStream out) throws IOException {
        this(FACTORY.createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8), out);
    }

    private JsonlWriter(JsonGenerator json, java.io.Flushable out) {
        this.out = out;
        this.json = json;
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setRootValueSeparator(null);
    }

    public void write(Record r) throws IOException {
        json.writeStartObject();
        json.writeStringField("source", r.source());
        json.writeStringField("id", r.id());
        if (r.type() == EntityType.ORGANIZATION) json.writeStringField("type", "ORGANIZATION");
        if (!r.names().isEmpty()) {
            json.writeArrayFieldStart("names");
            for (Name n : r.names()) {
                json.writeStartObject();
                field("full", n.full());
                field("given", n.given());
                field("middle", n.middle());
                field("surname", n.surname());
                if (n.use() == NameUse.ALIAS) json.writeStringField("use", "ALIAS");
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        field("dob", r.dob());
        field("gender", r.gender());
        strings("nationalities", r.nationalities());
        if (!r.addresses().isEmpty()) {
            json.writeArrayFieldStart("addresses");
            for (Address a : r.addresses()) {
                json.writeStartObject();
                field("full", a.full());
                field("line1", a.line1());
                field("line2", a.line2());
                field("city", a.city());
                field("region", a.region());
                field("postcode", a.postcode());
                field("country", a.country());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        strings("phones", r.phones());
        strings("emails", r.emails());
        if (!r.identifiers().isEmpty()) {
            json.writeArrayFieldStart("identifiers");
            for (Identifier i : r.identifiers()) {
                json.writeStartObject();
                field("type", i.type());
                field("value", i.value());
                field("country", i.country());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (!r.relationships().isEmpty()) {
            json.writeArrayFieldStart("relationships");
            for (Relationship rel : r.relationships()) {
                json.writeStartObject();
                field("type", rel.type());
                field("source", rel.source());
                field("id", rel.id());
                field("role", rel.role());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (!r.events().isEmpty()) {
            json.writeArrayFieldStart("events");
            for (Event e : r.events()) {
                json.writeStartObject();
                field("type", e.type());
                field("date", e.date());
                field("place", e.place());
                field("ref", e.ref());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private void field(String key, String value) throws IOException {
        if (value != null) json.writeStringField(key, value);
    }

    private void strings(String key, List<String> values) throws IOException {
        if (values.isEmpty()) return;
        json.writeArrayFieldStart(key);
        for (String v : values) json.writeString(v);
        json.writeEndArray();
    }

    public void flush() throws IOException {
        json.flush();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        json.close();
    }

    /** One record as canonical JSON, without the line end. */
    public static String toJson(Record r) {
        java.io.StringWriter text = new java.io.StringWriter(256);
        try (JsonlWriter w = new JsonlWriter(text)) {
            w.write(r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.getBuffer().substring(0, text.getBuffer().length() - 1);
    }
}
