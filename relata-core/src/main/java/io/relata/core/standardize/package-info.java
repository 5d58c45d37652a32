/**
 * Standardization: small, composable standardizers, one class and one job each, that turn values as
 * sources wrote them into comparable features. {@link io.relata.core.standardize.TextFolding} is the
 * shared base (NFKC, any script to ASCII, lowercase, punctuation collapsed); names, organization names,
 * dates, phones, addresses, e-mails, identifiers, countries and genders each have their own class.
 *
 * <p>Rules for every class here: immutable and thread-safe after construction (ICU transliterators are
 * held per thread), no regular expressions on the hot path, ASCII input never touches ICU, never throws
 * on bad input (null or a problem text instead). Knows nothing of entities or resolution.
 */
package io.relata.core.standardize;
