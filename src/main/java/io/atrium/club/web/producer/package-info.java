/**
 * The producer's members-area pages: area, content, pages, rules, groups, comments, the
 * students tab, the import page and the "why can't this student see it" page.
 */
package io.atrium.club.web.producer;
