package io.relata.bench.jmh;

import io.relata.core.model.Address;
import io.relata.core.model.Identifier;
import io.relata.core.model.Name;
import io.relata.core.model.Record;
import io.relata.core.standardize.AddressStandardizer;
import io.relata.core.standardize.DateStandardizer;
import io.relata.core.standardize.EmailStandardizer;
import io.relata.core.standardize.IdentifierStandardizer;
import io.relata.core.standardize.NameStandardizer;
import io.relata.core.standardize.OrganizationNameStandardizer;
import io.relata.core.standardize.PhoneStandardizer;
import io.relata.core.standardize.RecordStandardizer;
import io.relata.core.standardize.TextFolding;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Cost of one call of each standardizer on values shaped like the generator's sources write them.
 * Inputs live in non-final state fields so the JIT cannot fold them into constants; results are returned,
 * which JMH sinks into a Blackhole.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Thread)
public class StandardizerBenchmark {
    String asciiText = "MARTINEZ MENDOZA, Ignacio";
    String accentedText = "Héctor Martínez López";
    String cyrillicText = "Александр Артемович Фёдоров";

    Name nameParts = Name.of("Abimbola", "O", "Okafor");
    Name nameFull = Name.full("HUỲNH, Ngọc T");

    String dateIso = "1956-10-12";
    String dateCompact = "19910930";
    String dateDotted = "29.06.1973";
    String dateMonthName = "12 March 1980";

    String phoneNational = "(678) 549-6880";
    String phoneInternational = "+966 272 555352";
    String phoneRegion = "US";

    Address addressParts = new Address(null, "866 Woodland Ct", "Apartment 4B", "Los Angeles", "CA", "90070", "US");
    Address addressFull = Address.full("335 Pine Ln, Newark, NJ 07198");
    String addressCountry = "US";

    String email = "Abimbola_Okafor1989@Hotmail.com";
    Identifier identifier = new Identifier("PASSPORT", "KP 839-5662", "SA");
    String orgName = "Blue Ridge Technologies Corp.";

    Record record;

    NameStandardizer names;
    DateStandardizer dates;
    PhoneStandardizer phones;
    AddressStandardizer addresses;
    EmailStandardizer emails;
    IdentifierStandardizer identifiers;
    OrganizationNameStandardizer orgNames;
    RecordStandardizer records;

    @Setup
    public void setup() {
        names = new NameStandardizer();
        dates = new DateStandardizer();
        phones = new PhoneStandardizer();
        addresses = new AddressStandardizer();
        emails = new EmailStandardizer();
        identifiers = new IdentifierStandardizer();
        orgNames = new OrganizationNameStandardizer();
        records = new RecordStandardizer();
        // A VISA_APPS record as the generator writes one: two addresses, a phone, an e-mail, a passport.
        record = Record.builder("VISA_APPS", "V831460669")
                .name(Name.of("Abimbola", "O", "Okafor"))
                .dob("1956-10-12")
                .gender("F")
                .nationality("GH")
                .address(new Address(null, "Main 152", null, "Tamale", null, "RA-5841-3556", "GH"))
                .address(addressParts)
                .phone("+1 818 893 8274")
                .email("abimbola_okafor1989@hotmail.com")
                .identifier(new Identifier("PASSPORT", "KP8395662", "GH"))
                .build();
    }

    @Benchmark
    public Object foldAscii() {
        return TextFolding.fold(asciiText);
    }

    @Benchmark
    public Object foldAccented() {
        return TextFolding.fold(accentedText);
    }

    @Benchmark
    public Object foldCyrillic() {
        return TextFolding.fold(cyrillicText);
    }

    @Benchmark
    public Object nameParts() {
        return names.standardize(nameParts);
    }

    @Benchmark
    public Object nameFull() {
        return names.standardize(nameFull);
    }

    @Benchmark
    public Object dateIso() {
        return dates.parse(dateIso);
    }

    @Benchmark
    public Object dateCompact() {
        return dates.parse(dateCompact);
    }

    @Benchmark
    public Object dateDotted() {
        return dates.parse(dateDotted);
    }

    @Benchmark
    public Object dateMonthName() {
        return dates.parse(dateMonthName);
    }

    @Benchmark
    public Object phoneNational() {
        return phones.standardize(phoneNational, phoneRegion);
    }

    @Benchmark
    public Object phoneInternational() {
        return phones.standardize(phoneInternational, null);
    }

    @Benchmark
    public Object addressParts() {
        return addresses.standardize(addressParts, addressCountry);
    }

    @Benchmark
    public Object addressFull() {
        return addresses.standardize(addressFull, addressCountry);
    }

    @Benchmark
    public Object email() {
        return emails.standardize(email);
    }

    @Benchmark
    public Object identifier() {
        return identifiers.standardize(identifier);
    }

    @Benchmark
    public Object orgName() {
        return orgNames.standardize(orgName);
    }

    @Benchmark
    public Object record() {
        return records.standardize(record);
    }
}
