package io.atrium.club.imports;

/**
 * What became of one row of a student import.
 */
public enum ImportOutcome {

	/** A new student was enrolled (and got the access e-mail). */
	CREATED,

	/** The student was already enrolled; their group and dates were updated. */
	UPDATED,

	/** Nothing changed for this row; the message says why. */
	REFUSED

}
