package io.relata.cli;

import io.relata.app.Workspace;
import io.relata.app.access.Accounts;
import io.relata.app.access.Role;
import io.relata.app.audit.AuditKey;
import io.relata.app.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code relata demo --no-serve}: the whole system set up, with accounts whose printed passwords work. */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void the_demo_builds_a_store_with_accounts_a_case_a_watch_alerts_and_leads() throws Exception {
        Path store = dir.resolve("store");
        Cli.Run run = Cli.run("demo", "--no-serve", "-n", "8000", "--dir", dir.resolve("data"), "--store", store);
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Case 'Harbor'").contains("Leads from the pattern scan: {")
                .contains("possible connection for a person to judge");
        Matcher alerts = Pattern.compile("the watch raised (\\d+) alerts").matcher(run.out());
        assertThat(alerts.find()).as(run.out()).isTrue();
        assertThat(Integer.parseInt(alerts.group(1))).isPositive();

        // one account per role (and one whose privacy training has lapsed), each with its own random password, which signs in
        Pattern account = Pattern.compile("^  (\\S+)\\s+([A-Z_]+)\\s+(\\S{4}-\\S{4}-\\S{4}-\\S{4})\\s", Pattern.MULTILINE);
        Matcher m = account.matcher(run.out());
        List<String[]> accounts = new java.util.ArrayList<>();
        while (m.find()) accounts.add(new String[] {m.group(1), m.group(2), m.group(3)});
        assertThat(accounts).extracting(a -> a[1]).containsOnly(
                java.util.Arrays.stream(Role.values()).map(Enum::name).toArray(String[]::new)).hasSize(Role.values().length + 1);
        assertThat(accounts).extracting(a -> a[2]).doesNotHaveDuplicates();
        try (Workspace ws = Workspace.open(store.toString())) {
            Accounts acc = new Accounts(ws.store(), new AuditTrail(ws.store(), AuditKey.loadOrCreate(store.resolve("audit.key")))::append);
            for (String[] a : accounts) {
                assertThat(acc.authenticate(a[0], a[2].toCharArray(), "127.0.0.1").username()).isEqualTo(a[0]);
            }
            assertThat(acc.user("analyst").orElseThrow().trainingValidOn(java.time.LocalDate.now())).isTrue();
            assertThat(acc.user("privacy").orElseThrow().trainingValidOn(java.time.LocalDate.now())).isTrue();
            assertThat(acc.user("lapsed").orElseThrow().trainingValidOn(java.time.LocalDate.now())).isFalse();
            assertThat(ws.store().cases().subjectEntities(1)).hasSizeGreaterThanOrEqualTo(3);
            // a report on the ring went to the partner agency, approved by the supervisor, with the records it held
            var sent = ws.store().disseminations().toOrganization(DemoSetup.PARTNER_AGENCY);
            assertThat(sent).singleElement().satisfies(d -> {
                assertThat(d.title()).isEqualTo(DemoSetup.REPORT_TITLE);
                assertThat(ws.store().reports().version(d.reportId(), d.version()).orElseThrow().reviewedBy()).isEqualTo("supervisor");
                assertThat(ws.store().disseminations().copy(d.id()).orElseThrow().records()).isNotEmpty();
            });
        }

        // a second run starts afresh in the demo's own directory, but never empties one it did not make
        assertThat(Cli.run("demo", "--no-serve", "-n", "8000", "--dir", dir.resolve("data"), "--store", store).exit()).isZero();
        Path other = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(other.resolve("keep.txt"), "mine");
        Cli.Run refused = Cli.run("demo", "--no-serve", "-n", "8000", "--dir", dir.resolve("data"), "--store", other);
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("not a demo store");
        assertThat(other.resolve("keep.txt")).exists();
    }
}
