package io.relata.app.access;

import io.relata.store.RelataStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A copy for a partner organization holds only what every one of its enabled partner accounts may see. */
class PartnerRecipientsTest {
    @TempDir
    Path dir;
    RelataStore store;

    @AfterEach
    void close() {
        if (store != null) store.close();
    }

    @Test
    void the_organizations_authorization_is_what_all_its_partners_share_and_never_biometrics() {
        store = RelataStore.open(dir.resolve("store").toString());
        Accounts accounts = new Accounts(store, new ArrayList<>()::add);
        char[] pw = "a long enough secret".toCharArray();
        accounts.createUser("p1", "P One", Set.of(Role.PARTNER), pw.clone(), "County", "setup");
        accounts.createUser("p2", "P Two", Set.of(Role.PARTNER), pw.clone(), "County", "setup");
        accounts.createUser("p3", "P Three", Set.of(Role.PARTNER), pw.clone(), "State", "setup");
        accounts.createUser("gone", "Gone", Set.of(Role.PARTNER), pw.clone(), "Gone Agency", "setup");
        accounts.createUser("staff", "Staff", Set.of(Role.ANALYST), pw.clone(), "Inside", "setup");
        accounts.setClearances("p1", Set.of("SECRET", "LE"), "setup");
        accounts.setClearances("p2", Set.of("LE"), "setup");
        accounts.setPermissions("p1", Set.of(Permission.VIEW_FULL_IDENTIFIERS, Permission.VIEW_BIOMETRICS), "setup");
        accounts.setPermissions("p2", Set.of(Permission.VIEW_FULL_IDENTIFIERS, Permission.VIEW_BIOMETRICS), "setup");
        accounts.setPermissions("p3", Set.of(Permission.VIEW_BIOMETRICS), "setup");
        accounts.disable("gone", "setup");

        PartnerRecipients recipients = new PartnerRecipients(store);
        assertThat(recipients.organizations()).containsExactly("County", "State");
        User county = recipients.authorization("County").orElseThrow();
        assertThat(county.clearances()).containsExactly("LE");
        assertThat(county.permissions()).containsExactly(Permission.VIEW_FULL_IDENTIFIERS);
        assertThat(county.organization()).isEqualTo("County");
        assertThat(recipients.authorization("State").orElseThrow().permissions()).isEmpty();
        assertThat(recipients.authorization("Gone Agency")).isEmpty();
        assertThat(recipients.authorization("Inside")).isEmpty();
    }
}
