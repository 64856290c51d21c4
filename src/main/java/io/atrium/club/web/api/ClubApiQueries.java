package io.atrium.club.web.api;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.atrium.accounts.AccountId;
import io.atrium.accounts.Accounts;
import io.atrium.club.ClubNotFound;
import io.atrium.club.access.ClubAccess;
import io.atrium.club.access.ContentRule;
import io.atrium.club.access.Progress;
import io.atrium.club.access.StudentCourse;
import io.atrium.club.content.ClubArea;
import io.atrium.club.content.ClubAreas;
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.ClubProducts;
import io.atrium.club.groups.Enrollment;
import io.atrium.club.groups.Group;
import io.atrium.club.groups.StudentFilter;
import io.atrium.club.internal.ApiRows;
import io.atrium.club.internal.ContentRows;
import io.atrium.club.internal.EnrollmentRows;
import io.atrium.club.internal.GroupRows;
import io.atrium.club.internal.RuleRows;
import io.atrium.club.internal.RuleRows.StoredRule;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the club APIs read across a producer's members area: modules with the groups that
 * see them, pages with each group's rule, students with their progress, a student's
 * lessons. Every method reads only the calling producer's data; anything else is
 * {@link ClubNotFound}. Progress and lessons come from {@link ClubAccess#courseOf}, so
 * the APIs count exactly what the student sees.
 */
@Service
public class ClubApiQueries {

	private final ClubAreas areas;

	private final ClubProducts products;

	private final ClubAccess access;

	private final ApiRows rows;

	private final ContentRows content;

	private final GroupRows groups;

	private final RuleRows rules;

	private final EnrollmentRows enrollments;

	private final Accounts accounts;

	private final Clock clock;

	ClubApiQueries(ClubAreas areas, ClubProducts products, ClubAccess access, ApiRows rows, ContentRows content,
			GroupRows groups, RuleRows rules, EnrollmentRows enrollments, Accounts accounts, Clock clock) {
		this.areas = areas;
		this.products = products;
		this.access = access;
		this.rows = rows;
		this.content = content;
		this.groups = groups;
		this.rules = rules;
		this.enrollments = enrollments;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * @param producerAccountId the caller
	 * @param subdomain an area's subdomain
	 * @return the area, when it is the caller's
	 * @throws ClubNotFound when no area has that subdomain or it is another producer's
	 * (never told apart)
	 */
	@Transactional(readOnly = true)
	public ClubArea area(long producerAccountId, String subdomain) {
		return this.areas.bySubdomain((subdomain != null) ? subdomain.strip() : null)
			.filter((a) -> a.producerAccountId() == producerAccountId)
			.orElseThrow(() -> new ClubNotFound("No members area with the subdomain " + subdomain + "."));
	}

	/**
	 * @param producerAccountId the producer
	 * @param productId only this product, or null for every product of the area
	 * @return the modules, per product (oldest product first) main ones then extras
	 */
	@Transactional(readOnly = true)
	public List<ModuleView> modules(long producerAccountId, Long productId) {
		List<ModuleView> views = new ArrayList<>();
		for (long product : productsOf(producerAccountId, productId)) {
			List<Group> groupList = this.groups.ofProduct(product);
			Map<String, ContentRule> stored = stored(product);
			Map<Long, Integer> pageCounts = new HashMap<>();
			this.content.pagesOfProduct(product).forEach((p) -> pageCounts.merge(p.moduleId(), 1, Integer::sum));
			for (ClubModule module : this.content.modules(product)) {
				List<Group> seeing = groupList.stream()
					.filter((g) -> ContentRule.effective(null, stored.get(key("M", module.id(), g.id()))).visible())
					.toList();
				views.add(new ModuleView(module, seeing, pageCounts.getOrDefault(module.id(), 0)));
			}
		}
		return views;
	}

	/**
	 * @param producerAccountId the producer
	 * @param modulePublicId a module's {@code module_id}
	 * @return the module's pages in order, each with the rule of every group that sees it
	 * @throws ClubNotFound when it is not a module of the producer's
	 */
	@Transactional(readOnly = true)
	public ModulePages pages(long producerAccountId, String modulePublicId) {
		ClubModule module = this.content.moduleByPublicId((modulePublicId != null) ? modulePublicId.strip() : "")
			.filter((m) -> this.rows.productsOf(producerAccountId).contains(m.productId()))
			.orElseThrow(() -> new ClubNotFound("No module " + modulePublicId + "."));
		List<Group> groupList = this.groups.ofProduct(module.productId());
		Map<String, ContentRule> stored = stored(module.productId());
		Map<Long, Integer> comments = this.rows.visibleComments(module.productId());
		Map<Long, String> publicIds = new HashMap<>();
		this.content.pagesOfProduct(module.productId()).forEach((p) -> publicIds.put(p.id(), p.publicId()));
		List<PageView> pages = new ArrayList<>();
		for (ClubPage page : this.content.pagesOfModule(module.id())) {
			List<GroupRule> groupRules = new ArrayList<>();
			for (Group g : groupList) {
				ContentRule rule = ContentRule.effective(stored.get(key("P", page.id(), g.id())),
						stored.get(key("M", module.id(), g.id())));
				Long after = rule.drip().afterPageId();
				groupRules.add(new GroupRule(g, rule, (after != null) ? publicIds.get(after) : null));
			}
			pages.add(new PageView(page, comments.getOrDefault(page.id(), 0), groupRules));
		}
		return new ModulePages(module, pages);
	}

	/**
	 * A page of the producer's students, one row per enrolment, by id.
	 * @param email part of the address, or null
	 * @param productId only this product, or null
	 */
	@Transactional(readOnly = true)
	public StudentRows students(long producerAccountId, String email, Long productId, int offset, int limit) {
		List<Enrollment> page = this.rows.ofProducer(producerAccountId, productId, email, offset, limit);
		return new StudentRows(page.stream().map(this::row).toList(),
				this.rows.countOfProducer(producerAccountId, productId, email));
	}

	/**
	 * A page of one product's students for Atrium's own API, by id after a cursor.
	 * @param afterId the last id of the previous page, or null
	 * @throws ClubNotFound when the product is not the producer's
	 */
	@Transactional
	public List<StudentRow> studentsOf(long producerAccountId, long productId, StudentFilter filter, Long afterId,
			int limit) {
		this.products.own(producerAccountId, productId);
		return this.enrollments.search(productId, filter, this.clock.instant(), afterId, 0, limit)
			.stream()
			.map(this::row)
			.toList();
	}

	/**
	 * @param enrollment a student
	 * @return the student with progress and locale
	 */
	@Transactional(readOnly = true)
	public StudentRow row(Enrollment enrollment) {
		StudentCourse course = this.access.courseOf(enrollment).orElse(null);
		Locale locale = this.accounts.find(new AccountId(enrollment.accountId()))
			.map(Accounts.AccountSummary::locale)
			.orElse(null);
		return new StudentRow(enrollment, locale, (course != null) ? course.completed() : 0,
				(course != null) ? course.total() : 0, course);
	}

	/**
	 * @param userPublicId a student's {@code user_id}
	 * @return the student with the product as they see it
	 * @throws ClubNotFound when it is not a student of the producer's
	 */
	@Transactional(readOnly = true)
	public StudentRow student(long producerAccountId, String userPublicId) {
		Enrollment e = this.enrollments.byPublicId((userPublicId != null) ? userPublicId.strip() : "")
			.filter((x) -> x.producerAccountId() == producerAccountId)
			.orElseThrow(() -> new ClubNotFound("No student " + userPublicId + "."));
		return row(e);
	}

	/**
	 * @return every enrolment of the address in the producer's products, with progress
	 */
	@Transactional(readOnly = true)
	public List<StudentRow> studentsByEmail(long producerAccountId, String email) {
		return this.rows.ofProducerByEmail(producerAccountId, email).stream().map(this::row).toList();
	}

	private List<Long> productsOf(long producerAccountId, Long productId) {
		List<Long> all = this.rows.productsOf(producerAccountId);
		if (productId == null) {
			return all;
		}
		return all.contains(productId) ? List.of(productId) : List.of();
	}

	private Map<String, ContentRule> stored(long productId) {
		Map<String, ContentRule> stored = new HashMap<>();
		for (StoredRule r : this.rules.ofProduct(productId)) {
			stored.put(key(r.kind().name().substring(0, 1), r.itemId(), r.groupId()), r.rule());
		}
		return stored;
	}

	private static String key(String kind, long itemId, long groupId) {
		return kind + itemId + ":" + groupId;
	}

	/**
	 * A module with the groups that see it.
	 *
	 * @param module the module
	 * @param groups the groups whose rule for the module is visible
	 * @param totalPages how many pages it has, published or not
	 */
	public record ModuleView(ClubModule module, List<Group> groups, int totalPages) {
	}

	/**
	 * A module's pages.
	 *
	 * @param module the module
	 * @param pages its pages, in order
	 */
	public record ModulePages(ClubModule module, List<PageView> pages) {
	}

	/**
	 * A page with what each group sees of it.
	 *
	 * @param page the page
	 * @param totalComments comments not hidden, of every group
	 * @param groups the rule that applies for every group of the product, the default
	 * group first
	 */
	public record PageView(ClubPage page, int totalComments, List<GroupRule> groups) {
	}

	/**
	 * The rule that applies to a page for one group.
	 *
	 * @param group the group
	 * @param rule the page's own rule, else its module's, else the default
	 * @param prerequisitePublicId for a drip after another page, that page's
	 * {@code page_id}; null otherwise
	 */
	public record GroupRule(Group group, ContentRule rule, String prerequisitePublicId) {
	}

	/**
	 * A student with progress.
	 *
	 * @param enrollment the enrolment
	 * @param locale the student's language, null when unknown
	 * @param completed pages completed among those the student sees
	 * @param total pages the student sees
	 * @param course the product as the student sees it, null when the product is gone
	 */
	public record StudentRow(Enrollment enrollment, Locale locale, int completed, int total, StudentCourse course) {

		/**
		 * @return completion, 0 to 100
		 */
		public int percent() {
			return Progress.percent(this.completed, this.total);
		}

	}

	/**
	 * A page of students.
	 *
	 * @param rows the students
	 * @param total how many match
	 */
	public record StudentRows(List<StudentRow> rows, long total) {
	}

}
