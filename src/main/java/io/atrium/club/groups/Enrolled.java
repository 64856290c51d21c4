package io.atrium.club.groups;

import org.springframework.modulith.NamedInterface;

/**
 * The result of adding or importing a student.
 *
 * @param enrollment the enrolment as saved
 * @param created whether the enrolment is new (false: an existing one was updated)
 */
@NamedInterface("groups")
public record Enrolled(Enrollment enrollment, boolean created) {
}
