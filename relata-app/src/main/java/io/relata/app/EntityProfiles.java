package io.relata.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.core.model.RecordKey;
import io.relata.store.EntityView;
import io.relata.store.RelataStore;
import io.relata.store.StoredRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads entity profiles straight from the store: no resolver is needed to look at what is resolved. */
public final class EntityProfiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RelataStore store;

    public EntityProfiles(RelataStore store) {
        this.store = store;
    }

    public Optional<EntityProfile> entity(long id) {
        return store.entity(id).map(EntityProfiles::profile);
    }

    /** The profile of the entity a record belongs to. */
    public Optional<EntityProfile> entityOf(RecordKey key) {
        var id = store.entityOf(key);
        return id.isPresent() ? entity(id.getAsLong()) : Optional.empty();
    }

    private static EntityProfile profile(EntityView e) {
        Map<String, Map<String, Set<RecordKey>>> values = new LinkedHashMap<>();
        for (StoredRecord r : e.records()) {
            JsonNode f = parse(r.features());
            for (JsonNode n : f.path("names")) {
                add(values, "given name", n.path("given"), r.key());
                add(values, "surname", n.path("surname"), r.key());
            }
            for (JsonNode n : f.path("organizationNames")) add(values, "organization name", n.path("name"), r.key());
            add(values, "dob", f.path("dob"), r.key());
            add(values, "gender", f.path("gender"), r.key());
            for (JsonNode v : f.path("nationalities")) add(values, "nationality", v, r.key());
            for (JsonNode v : f.path("phones")) add(values, "phone", v, r.key());
            for (JsonNode v : f.path("emails")) add(values, "email", v, r.key());
            for (JsonNode id : f.path("identifiers")) {
                add(values, "identifier " + id.path("type").asText(), id.path("value"), r.key());
            }
            for (JsonNode v : f.path("addresses")) add(values, "address", v, r.key());
        }
        List<String> conflicting = new ArrayList<>();
        values.forEach((field, byValue) -> {
            if (byValue.size() > 1) conflicting.add(field);
        });
        return new EntityProfile(e.id(), e.recordCount(), e.createdAt(), e.updatedAt(), e.retiredAt(), e.records(),
                values, conflicting, e.history());
    }

    private static void add(Map<String, Map<String, Set<RecordKey>>> values, String field, JsonNode value,
                            RecordKey source) {
        if (value.isMissingNode() || value.isNull() || value.asText().isEmpty()) return;
        values.computeIfAbsent(field, k -> new TreeMap<>()).computeIfAbsent(value.asText(), k -> new TreeSet<>())
                .add(source);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("stored features are not JSON", e);
        }
    }
}
