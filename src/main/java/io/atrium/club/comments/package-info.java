/**
 * Comments on pages: students write them, producers moderate them.
 */
package io.atrium.club.comments;
