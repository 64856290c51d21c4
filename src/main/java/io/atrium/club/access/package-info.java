/**
 * Who may open what: the rules (visibility, {@link Drip}, {@link Expiration}), the one
 * pure {@link AccessPolicy}, and {@link ClubAccess}, which applies it to a student's
 * course, lessons and progress.
 */
package io.atrium.club.access;
