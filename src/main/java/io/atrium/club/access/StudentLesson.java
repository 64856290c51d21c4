package io.atrium.club.access;

import io.atrium.club.content.ClubPage;

/**
 * A page a student opened, in its course: what the outline shows of it and its neighbours
 * for "previous" and "next".
 *
 * @param course the product as the student sees it
 * @param module the page's module
 * @param lesson the page with the student's decision and progress
 * @param previous the page before it in the outline, null for the first
 * @param next the page after it in the outline, null for the last
 */
public record StudentLesson(StudentCourse course, StudentCourse.Module module, LessonState lesson, ClubPage previous,
		ClubPage next) {
}
