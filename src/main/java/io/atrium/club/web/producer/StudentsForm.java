package io.atrium.club.web.producer;

import java.util.Locale;

import io.atrium.club.groups.StudentFilter;
import io.atrium.club.groups.StudentStatus;

/**
 * The Users tab's filters as typed: part of a name or e-mail, a group, a status and the
 * page number. Unreadable values are ignored.
 */
record StudentsForm(String q, Long group, String status, Integer page) {

	public StudentStatus statusValue() {
		if (this.status == null || this.status.isBlank()) {
			return null;
		}
		try {
			return StudentStatus.valueOf(this.status.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	public String query() {
		return (this.q != null) ? this.q.strip() : "";
	}

	public int pageNumber() {
		return (this.page == null || this.page < 1) ? 1 : this.page;
	}

	StudentFilter filter() {
		return new StudentFilter(query().isEmpty() ? null : query(), this.group, statusValue());
	}

}
