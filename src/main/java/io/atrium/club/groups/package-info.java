/**
 * Groups and enrolments: a product's groups ({@link Groups}), a student enrolled in
 * exactly one group per product ({@link Enrollments}), the students list filter, and the
 * listeners that enrol buyers and end access on refunds and chargebacks.
 */
package io.atrium.club.groups;
