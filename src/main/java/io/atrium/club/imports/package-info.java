/**
 * The CSV student import: parsing the file, the background task and its report.
 */
package io.atrium.club.imports;
