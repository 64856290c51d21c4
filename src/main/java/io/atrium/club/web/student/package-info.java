/**
 * The student's pages: the course, a lesson, password-protected pages, video embeds.
 */
package io.atrium.club.web.student;
