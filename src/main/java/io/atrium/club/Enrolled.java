package io.atrium.club;

/**
 * The result of adding or importing a student.
 *
 * @param enrollment the enrolment as saved
 * @param created whether the enrolment is new (false: an existing one was updated)
 */
public record Enrolled(Enrollment enrollment, boolean created) {
}
