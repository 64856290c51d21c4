package io.atrium.club.web.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.atrium.club.access.ContentRule;
import io.atrium.club.access.Drip;
import io.atrium.club.access.Expiration;
import io.atrium.club.access.LessonState;
import io.atrium.club.access.StudentCourse;
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.PageKind;
import io.atrium.club.groups.EnrollmentSource;
import io.atrium.club.groups.Group;
import io.atrium.club.web.api.ClubApiQueries.GroupRule;
import io.atrium.club.web.api.ClubApiQueries.ModuleView;
import io.atrium.club.web.api.ClubApiQueries.PageView;
import io.atrium.club.web.api.ClubApiQueries.StudentRow;

/**
 * The wire shapes of the compatible club API (hotmart-api.md §6), field names exactly as
 * Hotmart's. Dates are epoch milliseconds, except {@code liberation_date} and
 * {@code expiration_date}, ISO-8601 strings as in Hotmart's v2 pages.
 */
final class CompatibleClubJson {

	private CompatibleClubJson() {
	}

	static Long millis(Instant instant) {
		return (instant != null) ? instant.toEpochMilli() : null;
	}

	/**
	 * An item of {@code GET /club/api/v1/modules}.
	 */
	record ModuleItem(@JsonProperty("module_id") String moduleId, String name, int sequence,
			@JsonProperty("is_extra") boolean isExtra, @JsonProperty("is_extra_paid") boolean isExtraPaid,
			@JsonProperty("is_public") boolean isPublic, List<String> classes,
			@JsonProperty("total_pages") int totalPages, @JsonProperty("product_id") long productId,
			boolean published) {

		static ModuleItem of(ModuleView v) {
			ClubModule m = v.module();
			return new ModuleItem(m.publicId(), m.name(), m.position(), m.extra(), false, false,
					v.groups().stream().map((g) -> String.valueOf(g.id())).toList(), v.totalPages(), m.productId(),
					m.published());
		}

	}

	/**
	 * An item of {@code GET /club/api/v2/modules/{module_id}/pages}.
	 */
	record PageItem(@JsonProperty("page_id") String pageId, String name, String type,
			@JsonProperty("page_order") int pageOrder, boolean published,
			@JsonProperty("total_comments") int totalComments, @JsonProperty("rates_average") int ratesAverage,
			List<Object> rates, @JsonProperty("has_media") boolean hasMedia,
			@JsonProperty("dripping_configs") List<DrippingConfig> drippingConfigs) {

		static PageItem of(PageView v) {
			ClubPage p = v.page();
			List<DrippingConfig> configs = v.groups()
				.stream()
				.filter((g) -> g.rule().visible())
				.map(DrippingConfig::of)
				.toList();
			return new PageItem(p.publicId(), p.name(), "CONTENT", p.position(), p.published(), v.totalComments(), 0,
					List.of(), mediaOf(p), configs);
		}

	}

	static boolean mediaOf(ClubPage p) {
		return p.kind() != PageKind.TEXT && p.mediaAvailable();
	}

	/**
	 * One group's release and expiry of a page.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record DrippingConfig(Liberation liberation, ExpirationJson expiration, List<ClassJson> classes) {

		static DrippingConfig of(GroupRule g) {
			ContentRule rule = g.rule();
			return new DrippingConfig(Liberation.of(rule.drip(), g.prerequisitePublicId()),
					ExpirationJson.of(rule.expiration()), List.of(ClassJson.of(g.group())));
		}

	}

	/**
	 * {@code liberation}: {@code BY_DAYS} (0 days: at once), {@code BY_DATE}, or Atrium's
	 * {@code BY_PAGE} (released once {@code page_id} is completed).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Liberation(String type, @JsonProperty("liberation_days") Integer liberationDays,
			@JsonProperty("liberation_date") String liberationDate, @JsonProperty("page_id") String pageId) {

		static Liberation of(Drip drip, String prerequisite) {
			return switch (drip.kind()) {
				case IMMEDIATE -> new Liberation("BY_DAYS", 0, null, null);
				case DAYS -> new Liberation("BY_DAYS", drip.days(), null, null);
				case DATE -> new Liberation("BY_DATE", null, drip.date().toString(), null);
				case AFTER_PAGE -> new Liberation("BY_PAGE", null, null, prerequisite);
			};
		}

	}

	/**
	 * {@code expiration}: absent when the content never expires.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ExpirationJson(String type, @JsonProperty("duration_days") Integer durationDays,
			@JsonProperty("expiration_date") String expirationDate) {

		static ExpirationJson of(Expiration e) {
			return switch (e.kind()) {
				case NEVER -> null;
				case DAYS -> new ExpirationJson("BY_DAYS", e.days(), null);
				case DATE -> new ExpirationJson("BY_DATE", null, e.date().toString());
			};
		}

	}

	/**
	 * A class (group).
	 */
	record ClassJson(String id, String name, @JsonProperty("default_class") boolean defaultClass) {

		static ClassJson of(Group g) {
			return new ClassJson(String.valueOf(g.id()), g.name(), g.isDefault());
		}

	}

	/**
	 * An item of the legacy {@code GET /club/api/v1/modules/{module_id}/pages}: the older
	 * flat field set, with the default group's release.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record LegacyPageItem(@JsonProperty("page_id") String pageId, @JsonProperty("module_id") String moduleId,
			String name, String type, @JsonProperty("page_order") int pageOrder,
			@JsonProperty("is_published") boolean isPublished, @JsonProperty("has_media") boolean hasMedia,
			@JsonProperty("total_comments") int totalComments, @JsonProperty("liberation_type") String liberationType,
			@JsonProperty("liberation_days") Integer liberationDays,
			@JsonProperty("liberation_date") String liberationDate,
			@JsonProperty("liberation_page_id") String liberationPageId, List<String> classes) {

		static LegacyPageItem of(ClubModule module, PageView v) {
			ClubPage p = v.page();
			GroupRule defaults = v.groups().stream().filter((g) -> g.group().isDefault()).findFirst().orElse(null);
			Liberation l = (defaults != null) ? Liberation.of(defaults.rule().drip(), defaults.prerequisitePublicId())
					: new Liberation("BY_DAYS", 0, null, null);
			return new LegacyPageItem(p.publicId(), module.publicId(), p.name(), "CONTENT", p.position(), p.published(),
					mediaOf(p), v.totalComments(), l.type(), l.liberationDays(), l.liberationDate(), l.pageId(),
					v.groups()
						.stream()
						.filter((g) -> g.rule().visible())
						.map((g) -> String.valueOf(g.group().id()))
						.toList());
		}

	}

	/**
	 * An item of {@code GET /club/api/v1/users}.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record UserItem(@JsonProperty("user_id") String userId, String name, String email, String role,
			@JsonProperty("first_access_date") Long firstAccessDate,
			@JsonProperty("last_access_date") Long lastAccessDate, String locale,
			@JsonProperty("plus_access") String plusAccess, ProgressJson progress, String status,
			@JsonProperty("purchase_date") Long purchaseDate, @JsonProperty("access_count") int accessCount,
			@JsonProperty("is_deletable") boolean isDeletable, @JsonProperty("class_id") String classId, String type,
			String engagement, @JsonProperty("product_id") long productId) {

		static UserItem of(StudentRow r, Instant now) {
			var e = r.enrollment();
			return new UserItem(e.publicId(), e.name(), e.email(), "STUDENT", millis(e.firstAccessAt()),
					millis(e.lastAccessAt()), (r.locale() != null) ? r.locale().toString() : null,
					"WITHOUT_PLUS_ACCESS", new ProgressJson(r.percent(), r.total(), r.completed()), status(r, now),
					millis(e.startedAt()), e.accessCount(), e.source() == EnrollmentSource.IMPORTED,
					String.valueOf(e.groupId()), e.source().name(), engagement(r), e.productId());
		}

		static String status(StudentRow r, Instant now) {
			return switch (r.enrollment().status(now)) {
				case ACTIVE -> "ACTIVE";
				case BLOCKED -> "BLOCKED_BY_OWNER";
				case ENDED -> "BLOCKED";
				case OVERDUE -> "OVERDUE";
			};
		}

		/**
		 * NONE without any entry or completed page; otherwise by completion: LOW under
		 * 25%, MEDIUM under 50%, HIGH under 75%, VERY_HIGH from 75%.
		 */
		static String engagement(StudentRow r) {
			if (r.enrollment().accessCount() == 0 && r.completed() == 0) {
				return "NONE";
			}
			int percent = r.percent();
			if (percent < 25) {
				return "LOW";
			}
			if (percent < 50) {
				return "MEDIUM";
			}
			return (percent < 75) ? "HIGH" : "VERY_HIGH";
		}

	}

	/**
	 * {@code progress}.
	 */
	record ProgressJson(@JsonProperty("completed_percentage") int completedPercentage, int total, int completed) {
	}

	/**
	 * A lesson of {@code GET /club/api/v1/users/{user_id}/lessons}.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Lesson(@JsonProperty("page_id") String pageId, @JsonProperty("page_name") String pageName,
			@JsonProperty("module_name") String moduleName, @JsonProperty("is_module_extra") boolean isModuleExtra,
			@JsonProperty("is_completed") boolean isCompleted, @JsonProperty("completed_date") Long completedDate) {

		static List<Lesson> of(StudentRow student) {
			List<Lesson> lessons = new ArrayList<>();
			if (student.course() == null) {
				return lessons;
			}
			for (StudentCourse.Module m : student.course().modules()) {
				for (LessonState l : m.lessons()) {
					lessons.add(new Lesson(l.page().publicId(), l.page().name(), m.module().name(), m.module().extra(),
							l.completed(), millis(l.completedAt())));
				}
			}
			return lessons;
		}

	}

	/**
	 * An item of the {@code /club/api/v1/students/progress} alias: a lesson with the
	 * student it belongs to.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ProgressItem(@JsonProperty("user_id") String userId, String email,
			@JsonProperty("product_id") long productId, @JsonProperty("page_id") String pageId,
			@JsonProperty("page_name") String pageName, @JsonProperty("module_name") String moduleName,
			@JsonProperty("is_module_extra") boolean isModuleExtra, @JsonProperty("is_completed") boolean isCompleted,
			@JsonProperty("completed_date") Long completedDate) {

		static ProgressItem of(StudentRow s, Lesson l) {
			return new ProgressItem(s.enrollment().publicId(), s.enrollment().email(), s.enrollment().productId(),
					l.pageId(), l.pageName(), l.moduleName(), l.isModuleExtra(), l.isCompleted(), l.completedDate());
		}

	}

}
