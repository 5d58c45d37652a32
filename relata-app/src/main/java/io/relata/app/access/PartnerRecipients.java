package io.relata.app.access;

import io.relata.store.RelataStore;
import io.relata.store.StoredUser;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Partner agencies as recipients of reports: the organizations of the enabled PARTNER accounts, and what a copy for
 * one may hold. A copy is read by whichever of the organization's accounts opens it, so it holds only what every one
 * of them may see: the source labels all of them are cleared for, full identifiers only if all may see them, and never
 * biometrics (a report shares findings, never biometric data).
 */
public final class PartnerRecipients {
    private final RelataStore store;

    public PartnerRecipients(RelataStore store) {
        this.store = store;
    }

    /** The partner organizations, in order. */
    public List<String> organizations() {
        Set<String> out = new TreeSet<>();
        for (StoredUser u : partners()) out.add(u.organization());
        return List.copyOf(out);
    }

    /** The authorization a copy for {@code organization} is redacted by; empty when no enabled partner account has it. */
    public Optional<User> authorization(String organization) {
        Set<String> clearances = null;
        Set<Permission> permissions = null;
        for (StoredUser s : partners()) {
            if (!s.organization().equals(organization)) continue;
            User u = Accounts.user(s);
            if (clearances == null) {
                clearances = new TreeSet<>(u.clearances());
                permissions = EnumSet.noneOf(Permission.class);
                permissions.addAll(u.permissions());
            } else {
                clearances.retainAll(u.clearances());
                permissions.retainAll(u.permissions());
            }
        }
        if (clearances == null) return Optional.empty();
        permissions.retainAll(EnumSet.of(Permission.VIEW_FULL_IDENTIFIERS));
        return Optional.of(new User("recipient:" + organization, organization, EnumSet.of(Role.PARTNER), permissions,
                clearances, organization, null, false));
    }

    private List<StoredUser> partners() {
        List<StoredUser> out = new ArrayList<>();
        for (StoredUser u : store.users().list()) {
            if (!u.disabled() && u.roles().contains(Role.PARTNER.name()) && u.organization() != null && !u.organization().isBlank()) {
                out.add(u);
            }
        }
        return out;
    }
}
