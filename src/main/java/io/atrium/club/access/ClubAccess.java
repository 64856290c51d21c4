package io.atrium.club.access;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.atrium.catalog.Catalog;
import io.atrium.catalog.ProductSummary;
import io.atrium.club.ClubFirstAccess;
import io.atrium.club.ClubModuleCompleted;
import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import io.atrium.club.content.ClubArea;
import io.atrium.club.content.ClubAreas;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.ModuleContent;
import io.atrium.club.groups.Enrollment;
import io.atrium.club.internal.ContentRows;
import io.atrium.club.internal.EnrollmentRows;
import io.atrium.club.internal.ProgressRows;
import io.atrium.club.internal.RuleRows;
import io.atrium.club.internal.RuleRows.StoredRule;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Access to content, always through {@link AccessPolicy#decide}: the student's outline
 * and pages, page passwords, progress, first access, and the producer's "why can't this
 * student see this page". The student's view, the producer's view and the APIs all call
 * it, so they never disagree.
 */
@NamedInterface("access")
@Service
public class ClubAccess {

	private final ClubAreas areas;

	private final ClubContent content;

	private final ContentRows contentRows;

	private final RuleRows rules;

	private final EnrollmentRows enrollments;

	private final ProgressRows progress;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ClubAccess(ClubAreas areas, ClubContent content, ContentRows contentRows, RuleRows rules,
			EnrollmentRows enrollments, ProgressRows progress, Catalog catalog, ApplicationEventPublisher events,
			Clock clock) {
		this.areas = areas;
		this.content = content;
		this.contentRows = contentRows;
		this.rules = rules;
		this.enrollments = enrollments;
		this.progress = progress;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param accountId a student
	 * @return every product the student is enrolled in, across producers, with progress
	 */
	@Transactional(readOnly = true)
	public List<StudentCourse> myProducts(long accountId) {
		List<StudentCourse> courses = new ArrayList<>();
		for (Enrollment e : this.enrollments.ofAccount(accountId)) {
			course(e, Set.of()).ifPresent(courses::add);
		}
		return courses;
	}

	/**
	 * @param accountId a student
	 * @param productId a product
	 * @param unlockedPages pages whose password the student typed in this session
	 * @return the product as the student sees it, empty when not enrolled
	 */
	@Transactional(readOnly = true)
	public Optional<StudentCourse> course(long accountId, long productId, Set<Long> unlockedPages) {
		return this.enrollments.of(productId, accountId).flatMap((e) -> course(e, unlockedPages));
	}

	/**
	 * The one decision for a student and a page.
	 * @param accountId the student
	 * @param pageId the page's internal id
	 * @param unlockedPages pages whose password the student typed in this session
	 * @return the decision
	 * @throws ClubNotFound when there is no such page
	 */
	@Transactional(readOnly = true)
	public AccessDecision decide(long accountId, long pageId, Set<Long> unlockedPages) {
		ClubPage page = this.contentRows.page(pageId).orElseThrow(() -> new ClubNotFound("No page " + pageId + "."));
		Enrollment e = this.enrollments.of(page.productId(), accountId).orElse(null);
		return decide(e, page, unlockedPages);
	}

	/**
	 * The producer's question: can this student open this page now, and why not? The
	 * password counts as not typed, since it is typed per session.
	 * @param producerAccountId the producer
	 * @param enrollmentId a student of one of the producer's products
	 * @param pageId a page of the same product
	 * @return the decision
	 * @throws ClubNotFound when the student or page is not the producer's, or not of the
	 * same product
	 */
	@Transactional
	public AccessDecision explain(long producerAccountId, long enrollmentId, long pageId) {
		ClubPage page = this.content.page(producerAccountId, pageId);
		Enrollment e = this.enrollments.find(enrollmentId)
			.filter((x) -> x.productId() == page.productId())
			.orElseThrow(() -> new ClubNotFound("No student " + enrollmentId + " in product " + page.productId()));
		return decide(e, page, Set.of());
	}

	/**
	 * @param accountId the student
	 * @param pageId the page
	 * @param unlockedPages pages unlocked in this session
	 * @return the page with the student's decision; the caller shows it only when allowed
	 */
	@Transactional(readOnly = true)
	public Optional<LessonState> lesson(long accountId, long pageId, Set<Long> unlockedPages) {
		return this.contentRows.page(pageId).map((page) -> {
			Enrollment e = this.enrollments.of(page.productId(), accountId).orElse(null);
			Instant done = (e != null) ? this.progress.completed(e.id()).get(pageId) : null;
			AccessFacts facts = facts(e, page, unlockedPages);
			Instant now = this.clock.instant();
			return new LessonState(page, AccessPolicy.decide(facts, now), done, AccessPolicy.accessEndsAt(facts, now));
		});
	}

	/**
	 * Checks a page's password.
	 * @return whether it matches (the caller remembers the page as unlocked for the
	 * session)
	 */
	@Transactional(readOnly = true)
	public boolean unlock(long pageId, String password) {
		return this.content.passwordMatches(pageId, password);
	}

	/**
	 * Counts the student's entry into a product; the first one is kept as the first
	 * access (the students page shows it) and publishes {@link ClubFirstAccess}.
	 */
	@Transactional
	public void recordEntry(long accountId, long productId) {
		Optional<Enrollment> e = this.enrollments.of(productId, accountId);
		if (e.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		if (this.enrollments.recordAccess(e.get().id(), now)) {
			Enrollment x = e.get();
			this.events.publishEvent(new ClubFirstAccess(x.id(), x.productId(), x.producerAccountId(), x.accountId(),
					x.name(), x.email(), now));
		}
	}

	/**
	 * Marks a page done, and the module completed (once, publishing
	 * {@link ClubModuleCompleted}) the first time every page of it that the student sees
	 * is done.
	 * @param unlockedPages pages unlocked in this session
	 * @throws ClubRefused when the student cannot open the page now
	 */
	@Transactional
	public void complete(long accountId, long pageId, Set<Long> unlockedPages) {
		ClubPage page = this.contentRows.page(pageId).orElseThrow(() -> new ClubNotFound("No page " + pageId + "."));
		Enrollment e = this.enrollments.of(page.productId(), accountId).orElse(null);
		if (e == null || !decide(e, page, unlockedPages).allowed()) {
			throw new ClubRefused("pageId", "page.closed", "You cannot open this page now.");
		}
		Instant now = this.clock.instant();
		this.progress.complete(e.id(), e.producerAccountId(), pageId, now);
		StudentCourse course = course(e, unlockedPages).orElseThrow();
		course.modules()
			.stream()
			.filter((m) -> m.module().id() == page.moduleId())
			.filter((m) -> m.progress().total() > 0 && m.completed() == m.progress().total())
			.findFirst()
			.filter((m) -> this.progress.completeModule(e.id(), e.producerAccountId(), m.module().id(), now))
			.ifPresent((m) -> this.events
				.publishEvent(new ClubModuleCompleted(e.id(), e.productId(), e.producerAccountId(), e.accountId(),
						e.name(), e.email(), m.module().id(), m.module().publicId(), m.module().name(), now)));
	}

	/**
	 * Remembers the page as the one the student opened last in its product, for "continue
	 * where you left off"; nothing when the student is not enrolled.
	 */
	@Transactional
	public void recordOpened(long accountId, ClubPage page) {
		this.enrollments.of(page.productId(), accountId)
			.ifPresent(
					(e) -> this.progress.setLastPage(e.id(), e.producerAccountId(), page.id(), this.clock.instant()));
	}

	/**
	 * Marks a page not done.
	 */
	@Transactional
	public void undo(long accountId, long pageId) {
		ClubPage page = this.contentRows.page(pageId).orElseThrow(() -> new ClubNotFound("No page " + pageId + "."));
		this.enrollments.of(page.productId(), accountId).ifPresent((e) -> this.progress.undo(e.id(), pageId));
	}

	/**
	 * @param enrollment a student
	 * @return the product as that student sees it (for the producer's Users tab and APIs)
	 */
	@Transactional(readOnly = true)
	public Optional<StudentCourse> courseOf(Enrollment enrollment) {
		return course(enrollment, Set.of());
	}

	/**
	 * Progress of many students of one product at once, counted as {@link #courseOf}
	 * counts it (pages done of the published pages their group sees), with one read of
	 * the content, the rules and the progress for all of them: for lists of students.
	 * @param productId the product
	 * @param students some of its students
	 * @return per enrolment id, pages done and pages seen
	 */
	@Transactional(readOnly = true)
	public Map<Long, StudentProgress> progressOf(long productId, List<Enrollment> students) {
		Map<Long, StudentProgress> result = new HashMap<>();
		if (students.isEmpty()) {
			return result;
		}
		List<ModuleContent> tree = this.content.tree(productId);
		List<StoredRule> rules = this.rules.ofProduct(productId);
		Map<Long, Set<Long>> done = this.progress.completedPages(students.stream().map(Enrollment::id).toList());
		Map<Long, Set<Long>> seenByGroup = new HashMap<>();
		for (Enrollment e : students) {
			Set<Long> seen = seenByGroup.computeIfAbsent(e.groupId(), (g) -> seenPages(tree, rules, g));
			Set<Long> mine = done.getOrDefault(e.id(), Set.of());
			int completed = (int) seen.stream().filter(mine::contains).count();
			result.put(e.id(), new StudentProgress(completed, seen.size()));
		}
		return result;
	}

	/** The published pages of published modules a group sees. */
	private static Set<Long> seenPages(List<ModuleContent> tree, List<StoredRule> rules, long groupId) {
		Map<String, ContentRule> byItem = new HashMap<>();
		for (StoredRule r : rules) {
			if (r.groupId() == groupId) {
				byItem.put(r.kind().name().charAt(0) + "" + r.itemId(), r.rule());
			}
		}
		Set<Long> seen = new java.util.HashSet<>();
		for (ModuleContent mc : tree) {
			if (!mc.module().published()) {
				continue;
			}
			for (ClubPage page : mc.pages()) {
				ContentRule rule = ContentRule.effective(byItem.get("P" + page.id()),
						byItem.get("M" + page.moduleId()));
				if (page.published() && rule.visible()) {
					seen.add(page.id());
				}
			}
		}
		return seen;
	}

	/**
	 * A student's progress in a product.
	 *
	 * @param completed pages done
	 * @param total pages the student's group sees
	 */
	public record StudentProgress(int completed, int total) {

		/**
		 * @return completion, 0 to 100
		 */
		public int percent() {
			return Progress.percent(this.completed, this.total);
		}

	}

	private Optional<StudentCourse> course(Enrollment e, Set<Long> unlockedPages) {
		Optional<ProductSummary> product = this.catalog.product(e.productId());
		if (product.isEmpty()) {
			return Optional.empty();
		}
		ClubArea area = this.areas.of(e.producerAccountId());
		Map<String, ContentRule> groupRules = groupRules(e);
		Map<Long, Instant> done = this.progress.completed(e.id());
		Instant now = this.clock.instant();
		List<StudentCourse.Module> modules = new ArrayList<>();
		for (ModuleContent mc : this.content.tree(e.productId())) {
			if (!mc.module().published()) {
				continue;
			}
			List<LessonState> lessons = new ArrayList<>();
			for (ClubPage page : mc.pages()) {
				ContentRule rule = ContentRule.effective(groupRules.get("P" + page.id()),
						groupRules.get("M" + page.moduleId()));
				if (!page.published() || !rule.visible()) {
					continue;
				}
				AccessFacts facts = facts(e, page, true, rule, done, unlockedPages);
				lessons.add(new LessonState(page, AccessPolicy.decide(facts, now), done.get(page.id()),
						AccessPolicy.accessEndsAt(facts, now)));
			}
			if (!lessons.isEmpty()) {
				modules.add(new StudentCourse.Module(mc.module(), lessons));
			}
		}
		AccessFacts enrollmentFacts = new AccessFacts(e.state(), ContentRule.DEFAULT, null, true, true, false, false);
		return Optional.of(new StudentCourse(area, e.productId(), product.get().name(),
				product.get().hasImage() ? product.get().imagePath() : null, e,
				AccessPolicy.decide(enrollmentFacts, now), AccessPolicy.accessEndsAt(enrollmentFacts, now),
				this.progress.lastPage(e.id()).orElse(null), modules));
	}

	private AccessDecision decide(Enrollment e, ClubPage page, Set<Long> unlockedPages) {
		return AccessPolicy.decide(facts(e, page, unlockedPages), this.clock.instant());
	}

	private AccessFacts facts(Enrollment e, ClubPage page, Set<Long> unlockedPages) {
		boolean modulePublishedToo = this.contentRows.module(page.moduleId()).orElseThrow().published();
		ContentRule rule = (e != null) ? this.content.effectiveRule(e.groupId(), page) : ContentRule.DEFAULT;
		Map<Long, Instant> done = (e != null) ? this.progress.completed(e.id()) : Map.of();
		return facts(e, page, modulePublishedToo, rule, done, unlockedPages);
	}

	private static AccessFacts facts(Enrollment e, ClubPage page, boolean modulePublished, ContentRule rule,
			Map<Long, Instant> done, Set<Long> unlockedPages) {
		Long after = rule.drip().afterPageId();
		return new AccessFacts((e != null) ? e.state() : null, rule, (after != null) ? done.get(after) : null,
				page.published() && modulePublished, page.mediaAvailable(), page.passwordProtected(),
				unlockedPages.contains(page.id()));
	}

	private Map<String, ContentRule> groupRules(Enrollment e) {
		Map<String, ContentRule> byItem = new HashMap<>();
		for (StoredRule r : this.rules.ofProduct(e.productId())) {
			if (r.groupId() == e.groupId()) {
				byItem.put(r.kind().name().charAt(0) + "" + r.itemId(), r.rule());
			}
		}
		return byItem;
	}

}
