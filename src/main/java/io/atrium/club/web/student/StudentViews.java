package io.atrium.club.web.student;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.atrium.accounts.ProducerTimeZones;
import io.atrium.club.access.LessonState;
import io.atrium.club.access.StudentCourse;
import io.atrium.club.content.ClubPage;

import org.springframework.stereotype.Component;

/**
 * What the student's pages show of a course: product cards, the outline's modules and
 * lessons, with their addresses and reasons already in the student's language.
 */
@Component
class StudentViews {

	private final StudentReasons reasons;

	private final ProducerTimeZones zones;

	StudentViews(StudentReasons reasons, ProducerTimeZones zones) {
		this.reasons = reasons;
		this.zones = zones;
	}

	/**
	 * @return the time zone of the course's members-area producer, the one students see
	 * dates in
	 */
	ZoneId zone(StudentCourse course) {
		return this.zones.of(course.area().producerAccountId());
	}

	ProductCard card(StudentCourse course, Locale locale) {
		return new ProductCard(course.productName(), course.area().name(), outlinePath(course), course.percent(),
				course.completed(), course.total(), course.enrollmentDecision().allowed(),
				this.reasons.of(course.enrollmentDecision(), Map.of(), zone(course), locale));
	}

	List<ModuleView> modules(StudentCourse course, Locale locale) {
		Map<Long, String> names = pageNames(course);
		ZoneId zone = zone(course);
		return course.modules()
			.stream()
			.map((m) -> new ModuleView(m.module().name(), m.module().extra(), m.percent(), m.completed(),
					m.lessons().size(), m.lessons().stream().map((l) -> line(course, l, names, zone, locale)).toList()))
			.toList();
	}

	List<String> reasons(StudentCourse course, LessonState lesson, Locale locale) {
		return this.reasons.of(lesson.decision(), pageNames(course), zone(course), locale);
	}

	private LessonLine line(StudentCourse course, LessonState lesson, Map<Long, String> names, ZoneId zone,
			Locale locale) {
		boolean open = lesson.decision().allowed();
		boolean password = lesson.decision().onlyNeedsPassword();
		return new LessonLine(lesson.page().name(), (open || password) ? pagePath(course, lesson.page()) : null,
				lesson.completed(), open, password,
				open ? List.of() : this.reasons.of(lesson.decision(), names, zone, locale));
	}

	static Map<Long, String> pageNames(StudentCourse course) {
		Map<Long, String> names = new HashMap<>();
		course.modules().forEach((m) -> m.lessons().forEach((l) -> names.put(l.page().id(), l.page().name())));
		return names;
	}

	static String outlinePath(StudentCourse course) {
		return course.area().path() + "/products/" + course.productId();
	}

	static String pagePath(StudentCourse course, ClubPage page) {
		return course.area().path() + "/pages/" + page.publicId();
	}

	/**
	 * A product on "My products" or an area's home.
	 */
	record ProductCard(String name, String areaName, String url, int percent, int completed, int total, boolean open,
			List<String> reasons) {
	}

	/**
	 * A module of the outline.
	 */
	record ModuleView(String name, boolean extra, int percent, int completed, int total, List<LessonLine> lessons) {
	}

	/**
	 * A page of the outline: a link when it opens (or asks for its password), otherwise
	 * its reasons.
	 */
	record LessonLine(String name, String url, boolean done, boolean open, boolean needsPassword,
			List<String> reasons) {
	}

}
