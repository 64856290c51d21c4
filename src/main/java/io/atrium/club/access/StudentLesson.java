package io.atrium.club.access;

import io.atrium.club.content.ClubPage;

/**
 * A page a student opened, in its course: what the outline shows of it and its neighbours
 * for "previous" and "next", which skip pages the student cannot open.
 *
 * @param course the product as the student sees it
 * @param module the page's module
 * @param lesson the page with the student's decision and progress
 * @param previous the nearest page before it the student can open (or unlock), null when
 * none
 * @param next the nearest page after it the student can open (or unlock), null when none
 */
public record StudentLesson(StudentCourse course, StudentCourse.Module module, LessonState lesson, ClubPage previous,
		ClubPage next) {
}
