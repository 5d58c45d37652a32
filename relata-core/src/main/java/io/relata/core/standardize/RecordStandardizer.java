package io.relata.core.standardize;

import io.relata.core.standardize.PhoneStandardizer.StandardPhone;
import io.relata.core.standardize.DateStandardizer.StandardDate;
import io.relata.core.standardize.IdentifierStandardizer.StandardIdentifier;
import io.relata.core.standardize.OrganizationNameStandardizer.StandardOrgName;
import io.relata.core.model.Address;
import io.relata.core.model.EntityType;
import io.relata.core.model.Identifier;
import io.relata.core.model.Name;
import io.relata.core.model.Record;
import io.relata.core.model.RecordKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link Record} into {@link RecordFeatures} by running each field through its standardizer.
 * Thread-safe: one instance serves all threads.
 */
public final class RecordStandardizer {
    private final NameStandardizer names = new NameStandardizer();
    private final OrganizationNameStandardizer orgNames = new OrganizationNameStandardizer();
    private final DateStandardizer dates;
    private final PhoneStandardizer phones = new PhoneStandardizer();
    private final AddressStandardizer addresses = new AddressStandardizer();
    private final EmailStandardizer emails = new EmailStandardizer();
    private final IdentifierStandardizer identifiers = new IdentifierStandardizer();
    private final Map<String, String> defaultCountryBySource;
    private final TokenInterner tokens = new TokenInterner();

    /** @param defaultCountryBySource ISO alpha-2 country assumed for a source's phones and addresses */
    public RecordStandardizer(Map<String, String> defaultCountryBySource, boolean monthFirstDates) {
        this.defaultCountryBySource = Map.copyOf(defaultCountryBySource);
        this.dates = new DateStandardizer(monthFirstDates);
    }

    public RecordStandardizer() {
        this(Map.of(), false);
    }

    public RecordFeatures standardize(Record r) {
        List<String> problems = new ArrayList<>(0); // no backing array until a problem is found
        String country = defaultCountryBySource.get(r.source());
        boolean person = r.type() == EntityType.PERSON;

        List<PersonNameFeatures> personNames = new ArrayList<>(r.names().size());
        List<StandardOrgName> organizationNames = new ArrayList<>(person ? 0 : r.names().size());
        for (Name n : r.names()) {
            if (person) {
                PersonNameFeatures f = PersonNameFeatures.of(names.standardize(n), tokens);
                if (!f.isEmpty()) personNames.add(f);
            } else {
                String text = n.display();
                StandardOrgName o = orgNames.standardize(text);
                if (o.name() != null && !o.name().isEmpty()) organizationNames.add(o);
            }
        }

        StandardDate dob = null;
        int implausibleDob = 0;
        if (r.dob() != null && !r.dob().isBlank()) {
            dob = dates.parse(r.dob());
            if (dob == null) {
                problems.add("dob: cannot read '" + r.dob() + "' as a date");
            } else if (dob.implausible()) {
                problems.add("dob: implausible date '" + r.dob() + "'" + (dob.problem() == null ? "" : " (" + dob.problem() + ")"));
                if (dob.day() != 0 && !DateStandardizer.PLACEHOLDER.equals(dob.problem())) implausibleDob = dob.packed();
                dob = null;
            }
        }

        List<String> nationalities = new ArrayList<>(r.nationalities().size());
        for (String n : r.nationalities()) {
            String iso = CountryStandardizer.toIso2(n);
            if (iso != null) addDistinct(nationalities, tokens.intern(iso));
            else problems.add("nationalities: unknown country '" + n + "'");
        }

        List<String> phoneSet = new ArrayList<>(r.phones().size());
        for (String p : r.phones()) {
            StandardPhone sp = phones.standardize(p, country);
            if (sp.nationalNumber() == null) problems.add("phones: '" + p + "': " + sp.problem());
            else if (sp.placeholder()) problems.add("phones: '" + p + "' is a placeholder number");
            else addDistinct(phoneSet, sp.nationalNumber());
        }

        List<String> emailSet = new ArrayList<>(r.emails().size());
        for (String e : r.emails()) {
            String se = emails.standardize(e);
            if (se == null) problems.add("emails: '" + e + "' is not an e-mail address");
            else addDistinct(emailSet, se);
        }

        List<StandardIdentifier> ids = new ArrayList<>(r.identifiers().size());
        for (Identifier id : r.identifiers()) {
            StandardIdentifier si = identifiers.standardize(id);
            if (si.valid()) ids.add(si);
            else problems.add("identifiers: " + id.type() + " '" + id.value() + "': " + si.problem());
        }

        List<AddressFeatures> addressList = new ArrayList<>(r.addresses().size());
        for (Address a : r.addresses()) {
            AddressFeatures f = AddressFeatures.of(addresses.standardize(a, country), tokens);
            if (!f.isEmpty()) addressList.add(f);
        }

        return new RecordFeatures(
                new RecordKey(tokens.intern(r.source()), r.id()),
                r.type(),
                personNames.toArray(new PersonNameFeatures[0]),
                organizationNames.toArray(new StandardOrgName[0]),
                dob,
                implausibleDob,
                GenderStandardizer.standardize(r.gender()),
                nationalities.toArray(new String[0]),
                phoneSet.toArray(new String[0]),
                emailSet.toArray(new String[0]),
                ids.toArray(new StandardIdentifier[0]),
                addressList.toArray(new AddressFeatures[0]),
                problems.isEmpty() ? List.of() : List.copyOf(problems));
    }

    /** Lists here hold one to three values: a linear scan beats a hash set. */
    private static void addDistinct(List<String> values, String value) {
        if (!values.contains(value)) values.add(value);
    }
}
