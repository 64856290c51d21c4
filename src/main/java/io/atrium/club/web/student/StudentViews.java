package io.atrium.club.web.student;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.atrium.accounts.ProducerTimeZones;
import io.atrium.club.access.AccessDenial;
import io.atrium.club.access.AccessReason;
import io.atrium.club.access.LessonState;
import io.atrium.club.access.StudentCourse;
import io.atrium.club.content.ClubPage;
import io.atrium.platform.Dates;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the student's pages show of a course: product cards (cover, progress, "continue"),
 * the curriculum's modules and lessons with their addresses, lock notes and reasons
 * already in the student's language, and the warning before access ends. Dates are in the
 * members-area producer's time zone, named ({@link Dates}).
 */
@Component
class StudentViews {

	/**
	 * Cover placeholders: this many gradients in player.css ({@code player-cover-hue-N}).
	 */
	static final int COVER_HUES = 6;

	private final StudentReasons reasons;

	private final ProducerTimeZones zones;

	private final MessageSource messages;

	private final Clock clock;

	private final Duration warnBefore;

	StudentViews(StudentReasons reasons, ProducerTimeZones zones, MessageSource messages, Clock clock,
			@Value("${atrium.club.access-warning-days:7}") int warningDays) {
		this.reasons = reasons;
		this.zones = zones;
		this.messages = messages;
		this.clock = clock;
		this.warnBefore = Duration.ofDays(warningDays);
	}

	/**
	 * @return the time zone of the course's members-area producer, the one students see
	 * dates in (look it up once per page and pass it on)
	 */
	ZoneId zone(StudentCourse course) {
		return this.zones.of(course.area().producerAccountId());
	}

	/**
	 * @return the courses' cards, each producer's time zone looked up once
	 */
	List<ProductCard> cards(List<StudentCourse> courses, Locale locale) {
		Map<Long, ZoneId> zones = new HashMap<>();
		return courses.stream()
			.map((c) -> card(c, zones.computeIfAbsent(c.area().producerAccountId(), this.zones::of), locale))
			.toList();
	}

	ProductCard card(StudentCourse course, ZoneId zone, Locale locale) {
		Optional<LessonState> next = course.continueWith();
		return new ProductCard(course.productName(), course.area().name(), outlinePath(course), course.percent(),
				course.completed(), course.total(), course.enrollmentDecision().allowed(),
				this.reasons.of(course.enrollmentDecision(), Map.of(), zone, locale), course.coverUrl(),
				initials(course.productName()), Math.floorMod(course.productName().hashCode(), COVER_HUES),
				next.map((l) -> pagePath(course, l.page())).orElse(null), next.map((l) -> l.page().name()).orElse(null),
				courseWarning(course, zone, locale));
	}

	/**
	 * @param current the page open in the player, null on the outline
	 */
	List<ModuleView> modules(StudentCourse course, Long current, ZoneId zone, Locale locale) {
		Map<Long, String> names = pageNames(course);
		return course.modules()
			.stream()
			.map((m) -> new ModuleView(m.module().name(), m.module().extra(), m.percent(), m.completed(),
					m.progress().total(), m.module().coverThumbnailUrl(),
					m.lessons().stream().map((l) -> line(course, l, current, names, zone, locale)).toList()))
			.toList();
	}

	List<String> reasons(StudentCourse course, LessonState lesson, ZoneId zone, Locale locale) {
		return this.reasons.of(lesson.decision(), pageNames(course), zone, locale);
	}

	/**
	 * @return "your access to the product ends on ...", when it ends within the warning
	 * period; null otherwise
	 */
	String courseWarning(StudentCourse course, ZoneId zone, Locale locale) {
		if (!soon(course.accessEndsAt())) {
			return null;
		}
		return this.messages.getMessage("player.warning.course",
				new Object[] { course.productName(), Dates.show(course.accessEndsAt(), zone, locale) }, locale);
	}

	/**
	 * @return "this lesson closes on ...", when the lesson closes within the warning
	 * period before the whole product does; null otherwise
	 */
	String lessonWarning(StudentCourse course, LessonState lesson, ZoneId zone, Locale locale) {
		Instant end = lesson.accessEndsAt();
		if (!soon(end) || (course.accessEndsAt() != null && !end.isBefore(course.accessEndsAt()))) {
			return null;
		}
		return this.messages.getMessage("player.warning.lesson", new Object[] { Dates.show(end, zone, locale) },
				locale);
	}

	private boolean soon(Instant end) {
		Instant now = this.clock.instant();
		return end != null && end.isAfter(now) && !end.isAfter(now.plus(this.warnBefore));
	}

	private LessonLine line(StudentCourse course, LessonState lesson, Long current, Map<Long, String> names,
			ZoneId zone, Locale locale) {
		boolean open = lesson.decision().allowed();
		boolean password = lesson.decision().onlyNeedsPassword();
		List<String> why = open ? List.of() : this.reasons.of(lesson.decision(), names, zone, locale);
		return new LessonLine(lesson.page().name(), (open || password) ? pagePath(course, lesson.page()) : null,
				lesson.completed(), open, password, why, current != null && current == lesson.page().id(),
				open ? null : lockNote(lesson, why, zone, locale));
	}

	/**
	 * The short note under a closed lesson in the sidebar: "Opens on <date>" for a lesson
	 * released later, otherwise its first reason.
	 */
	private String lockNote(LessonState lesson, List<String> why, ZoneId zone, Locale locale) {
		Optional<AccessDenial> release = lesson.decision()
			.denials()
			.stream()
			.filter((d) -> d.reason() == AccessReason.NOT_RELEASED_YET && d.date() != null)
			.findFirst();
		if (release.isPresent() && lesson.decision().denials().size() == 1) {
			return this.messages.getMessage("player.lesson.opens",
					new Object[] { Dates.show(release.get().date(), zone, locale) }, locale);
		}
		return why.isEmpty() ? null : why.get(0);
	}

	static String initials(String name) {
		String letters = Arrays.stream(name.strip().split("\\s+"))
			.filter((w) -> !w.isEmpty() && Character.isLetterOrDigit(w.codePointAt(0)))
			.limit(2)
			.map((w) -> new String(Character.toChars(w.codePointAt(0))))
			.reduce("", String::concat);
		return letters.toUpperCase(Locale.ROOT);
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
	 *
	 * @param coverUrl the course cover (the product's image), null for the generated one
	 * @param initials the generated cover's letters
	 * @param hue which of the generated cover's gradients, 0 to {@link #COVER_HUES} - 1
	 * @param continueUrl the lesson to continue with, null when none opens
	 * @param continueName its name
	 * @param warning the notice that access ends soon, null when it does not
	 */
	record ProductCard(String name, String areaName, String url, int percent, int completed, int total, boolean open,
			List<String> reasons, String coverUrl, String initials, int hue, String continueUrl, String continueName,
			String warning) {
	}

	/**
	 * A module of the curriculum.
	 *
	 * @param coverUrl the module's cover (its small variant), null without one
	 */
	record ModuleView(String name, boolean extra, int percent, int completed, int total, String coverUrl,
			List<LessonLine> lessons) {
	}

	/**
	 * A lesson of the curriculum: a link when it opens (or asks for its password),
	 * otherwise its reasons.
	 *
	 * @param current whether it is the lesson open in the player
	 * @param lockNote for a closed lesson, the short note the sidebar shows ("Opens on
	 * ..."), null when open
	 */
	record LessonLine(String name, String url, boolean done, boolean open, boolean needsPassword, List<String> reasons,
			boolean current, String lockNote) {
	}

}
