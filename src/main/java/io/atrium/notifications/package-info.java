/**
 * Notifications: e-mail written to an outbox in the caller's transaction and delivered
 * after commit by a cluster-safe sender that retries with backoff. Other modules use
 * {@link io.atrium.notifications.Mailer}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package io.atrium.notifications;
