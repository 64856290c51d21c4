/**
 * Atrium's own members-area REST API and the Hotmart-compatible one, with the queries
 * they read.
 */
package io.atrium.club.web.api;
