/**
 * Event publications: how reactions between modules survive failures. Every
 * {@code @ApplicationModuleListener} runs after the publishing transaction commits, in
 * its own transaction, and Spring Modulith's event publication registry (the
 * {@code event_publication} table) remembers each event and listener until the listener
 * succeeded. This module resubmits incomplete publications on a cluster-safe db-scheduler
 * schedule with a growing wait ({@link io.atrium.events.internal.RetryBackoff}), deletes
 * completed ones after a retention period, and shows stuck ones to the platform admin
 * ({@code /admin/events}, with "retry now") and to each producer for their own sales
 * ({@code /business/events}). Events about one producer's business carry
 * {@code producerAccountId}. See docs/operations.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Event publications")
package io.atrium.events;
