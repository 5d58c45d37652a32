package io.relata.core.ingest;

import io.relata.core.model.Address;
import io.relata.core.model.Biometrics;
import io.relata.core.model.EntityType;
import io.relata.core.model.Event;
import io.relata.core.model.Identifier;
import io.relata.core.model.Name;
import io.relata.core.model.NameUse;
import io.relata.core.model.Record;
import io.relata.core.model.Relationship;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Builds a {@link Record} from one CSV row under a {@link CsvMapping}, whose columns have been checked
 * against the header. Blank cells are absent. Non-split name columns of the same use form one name;
 * each value of a split name column is a name of its own. All address columns form one address.
 */
final class CsvRowMapper {
    private final CsvMapping mapping;
    private final DateNormalizer dates;
    private final Map<String, Integer> header;

    CsvRowMapper(CsvMapping mapping, Map<String, Integer> header) {
        this.mapping = mapping;
        this.dates = new DateNormalizer(mapping.dateFormats());
        this.header = header;
    }

    Record map(CSVRecord row) throws RecordRejectedException {
        String id = cell(row, mapping.idColumn());
        if (id == null) throw new RecordRejectedException(mapping.idColumn(), "required id column '" + mapping.idColumn() + "' is empty");
        String source = mapping.source();
        if (source == null && (source = cell(row, mapping.sourceColumn())) == null) {
            throw new RecordRejectedException(mapping.sourceColumn(), "required source column '" + mapping.sourceColumn() + "' is empty");
        }
        Record.Builder b = Record.builder(source, id).type(type(row));
        String[][] nameParts = new String[NameUse.values().length][]; // full, given, middle, surname per use
        List<Name> splitNames = new ArrayList<>(0);
        List<String> photos = new ArrayList<>(0);
        String[] address = null; // full, line1, line2, city, region, postcode, country
        for (CsvMapping.Column c : mapping.columns()) {
            String value = cell(row, c.column());
            if (value == null) continue;
            CsvTarget t = c.target();
            if (t.isNamePart() && c.split() == null) {
                String[] parts = nameParts[c.use().ordinal()];
                if (parts == null) parts = nameParts[c.use().ordinal()] = new String[4];
                parts[t.ordinal() - CsvTarget.NAMES_FULL.ordinal()] = value;
            } else if (t.isAddressPart()) {
                if (address == null) address = new String[7];
                address[t.ordinal() - CsvTarget.ADDRESSES_FULL.ordinal()] = value;
            } else {
                for (String v : pieces(value, c.split())) addValue(b, c, v, splitNames, photos);
            }
        }
        for (NameUse use : NameUse.values()) {
            String[] p = nameParts[use.ordinal()];
            if (p != null) b.name(new Name(p[0], p[1], p[2], p[3], use));
        }
        splitNames.forEach(b::name);
        if (!photos.isEmpty()) b.biometrics(new Biometrics(List.of(), photos));
        if (address != null) {
            if (address[6] == null) address[6] = mapping.defaultCountry();
            b.address(new Address(address[0], address[1], address[2], address[3], address[4], address[5], address[6]));
        }
        if (!mapping.attributeColumns().isEmpty()) b.attributes(attributes(row));
        return b.build();
    }

    private void addValue(Record.Builder b, CsvMapping.Column c, String v, List<Name> splitNames, List<String> photos) throws RecordRejectedException {
        switch (c.target()) {
            case NAMES_FULL: splitNames.add(new Name(v, null, null, null, c.use())); break;
            case DOB: b.dob(date(v, c)); break;
            case GENDER: b.gender(v); break;
            case NATIONALITIES: b.nationality(v); break;
            case PHONES: b.phone(v); break;
            case EMAILS: b.email(v); break;
            case IDENTIFIERS: b.identifier(new Identifier(c.type(), v, c.country())); break;
            case RELATIONSHIPS: b.relationship(new Relationship(c.type(), c.source(), v, c.role())); break;
            case EVENTS: b.event(new Event(c.type(), date(v, c), null, null)); break;
            case PHOTOS: photos.add(v); break;
            default: throw new IllegalStateException("unhandled target " + c.target());
        }
    }

    private EntityType type(CSVRecord row) throws RecordRejectedException {
        String t = mapping.typeColumn() == null ? null : cell(row, mapping.typeColumn());
        if (t == null) return mapping.type();
        if (t.equalsIgnoreCase("PERSON")) return EntityType.PERSON;
        if (t.equalsIgnoreCase("ORGANIZATION")) return EntityType.ORGANIZATION;
        throw new RecordRejectedException(mapping.typeColumn(), "type must be PERSON or ORGANIZATION, got '" + t + "'");
    }

    private String date(String value, CsvMapping.Column c) throws RecordRejectedException {
        if (!dates.isActive()) return value;
        String iso = dates.normalize(value);
        if (iso == null) {
            throw new RecordRejectedException(c.column(), "'" + value + "' is not a date in any of the formats "
                    + dates.describeFormats() + " (from dateFormats in " + mapping.name() + ")");
        }
        return iso;
    }

    private Map<String, Object> attributes(CSVRecord row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String col : mapping.attributeColumns()) {
            String v = cell(row, col);
            if (v != null) out.put(col, v);
        }
        return out;
    }

    private String cell(CSVRecord row, String column) {
        String v = row.get(header.get(column));
        return v.isBlank() ? null : v;
    }

    private static List<String> pieces(String value, String split) {
        if (split == null) return List.of(value);
        List<String> out = new ArrayList<>(2);
        int from = 0;
        while (from <= value.length()) {
            int at = value.indexOf(split, from);
            String piece = value.substring(from, at < 0 ? value.length() : at).strip();
            if (!piece.isEmpty()) out.add(piece);
            if (at < 0) break;
            from = at + split.length();
        }
        return out;
    }
}
