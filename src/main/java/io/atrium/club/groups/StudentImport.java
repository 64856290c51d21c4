package io.atrium.club.groups;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;

/**
 * A student a producer adds without a purchase.
 *
 * @param email the student's address
 * @param name the student's name (used when the account is created)
 * @param groupId the group, or null for the product's default group
 * @param startedAt the original purchase or start date, or null for now
 * @param accessEndsAt when access ends, or null for never
 */
@NamedInterface("groups")
public record StudentImport(String email, String name, Long groupId, Instant startedAt, Instant accessEndsAt) {
}
