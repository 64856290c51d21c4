package io.atrium.club.groups;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.atrium.accounts.AccountId;
import io.atrium.accounts.Accounts;
import io.atrium.catalog.ProductSummary;
import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import io.atrium.club.content.ClubArea;
import io.atrium.club.content.ClubAreas;
import io.atrium.club.content.ClubProducts;
import io.atrium.club.content.PublicIds;
import io.atrium.club.internal.AreaRows;
import io.atrium.club.internal.EnrollmentRows;
import io.atrium.club.internal.GroupRows;
import io.atrium.notifications.Mailer;
import io.atrium.notifications.OutgoingMail;
import io.atrium.platform.BaseUrl;
import io.atrium.shared.EmailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Students in products: buyers enrolled by their purchase, students the producer adds or
 * imports, moving them between groups, blocking access, and the access e-mail. A student
 * is in exactly one group of a product. Producer methods check the producer owns the
 * product and refuse the whole request (changing nothing) when any student or group in it
 * is not the product's.
 */
@NamedInterface("groups")
@Service
public class Enrollments {

	private static final Logger log = LoggerFactory.getLogger(Enrollments.class);

	/** The most students one bulk action takes. */
	public static final int MAX_BULK = 1000;

	private final ClubProducts products;

	private final ClubAreas areas;

	private final AreaRows areaRows;

	private final GroupRows groups;

	private final EnrollmentRows rows;

	private final Accounts accounts;

	private final Mailer mailer;

	private final BaseUrl baseUrl;

	private final Clock clock;

	Enrollments(ClubProducts products, ClubAreas areas, AreaRows areaRows, GroupRows groups, EnrollmentRows rows,
			Accounts accounts, Mailer mailer, BaseUrl baseUrl, Clock clock) {
		this.products = products;
		this.areas = areas;
		this.areaRows = areaRows;
		this.groups = groups;
		this.rows = rows;
		this.accounts = accounts;
		this.mailer = mailer;
		this.baseUrl = baseUrl;
		this.clock = clock;
	}

	/**
	 * Enrols a buyer: a new student joins the offer's group (or the default group); a
	 * returning student's access is restored and they move to the offer's group. Runs
	 * after the purchase committed, in the listener's transaction, and may run more than
	 * once for one purchase: an enrolment that already rests on this purchase is left as
	 * it is, and a purchase whose access already ended (refunded or charged back before
	 * this ran) enrols nobody.
	 */
	void enrollBuyer(long productId, long producerAccountId, long accountId, String email, Long offerGroupId,
			long purchaseId, String transaction, Instant approvedAt) {
		long defaultGroup = this.products.ensure(productId, producerAccountId);
		Optional<Enrollment> existing = this.rows.lock(productId, accountId);
		if (existing.isPresent() && Long.valueOf(purchaseId).equals(existing.get().purchaseId())) {
			return;
		}
		if (this.rows.purchaseEnded(purchaseId)) {
			log.info("Purchase {} ended before its enrolment ran; not enrolling buyer {}", purchaseId, accountId);
			return;
		}
		long groupId = (offerGroupId != null && this.groups.belongsTo(offerGroupId, productId)) ? offerGroupId
				: defaultGroup;
		Instant now = this.clock.instant();
		if (existing.isPresent()) {
			this.rows.renewPurchase(existing.get().id(), groupId, purchaseId, transaction, now);
			return;
		}
		String name = this.accounts.find(new AccountId(accountId)).map(Accounts.AccountSummary::name).orElse(email);
		this.rows.insert(PublicIds.next(), productId, producerAccountId, accountId, email, truncate(name), groupId,
				EnrollmentSource.BUYER, approvedAt, null, purchaseId, transaction, now);
		log.info("Buyer {} enrolled in product {} (group {})", accountId, productId, groupId);
	}

	/**
	 * Ends the access a purchase gave (refund or chargeback), and remembers that it ended
	 * so a later enrolment for it grants nothing. Runs after the refund committed, in the
	 * listener's transaction; running it again changes nothing.
	 */
	void endPurchase(long purchaseId, long producerAccountId, PurchaseState state) {
		Instant now = this.clock.instant();
		this.rows.recordEndedPurchase(purchaseId, producerAccountId, state, now);
		if (this.rows.endPurchase(purchaseId, state, now)) {
			log.info("Access from purchase {} ended: {}", purchaseId, state);
		}
	}

	/**
	 * Adds a student without a purchase, or updates an existing one's group and dates,
	 * and sends the access e-mail (with an activation link for a new account).
	 * @param producerAccountId the producer
	 * @param productId the product
	 * @param student who, in which group, since and until when
	 * @return the enrolment and whether it was created
	 * @throws ClubRefused when the address is invalid, the group is not the product's, or
	 * the end is before the start
	 */
	@Transactional
	public Enrolled enroll(long producerAccountId, long productId, StudentImport student) {
		ProductSummary product = this.products.own(producerAccountId, productId);
		String email = (student.email() != null) ? student.email().strip() : "";
		if (!EmailAddress.isValidInput(email)) {
			throw new ClubRefused("email", "student.email-invalid", "The e-mail address is not valid.");
		}
		EmailAddress address = EmailAddress.of(email);
		String name = (student.name() != null && !student.name().isBlank()) ? student.name().strip()
				: address.value().substring(0, address.value().indexOf('@'));
		long groupId = (student.groupId() != null) ? groupOf(productId, student.groupId())
				: this.areaRows.defaultGroup(productId).orElseThrow();
		Instant now = this.clock.instant();
		Instant start = (student.startedAt() != null) ? student.startedAt() : now;
		if (student.accessEndsAt() != null && !student.accessEndsAt().isAfter(start)) {
			throw new ClubRefused("accessEndsAt", "student.end-before-start",
					"The access end must be after the start.");
		}
		// a new student's language is the producer's until they choose their own
		Locale locale = this.accounts.find(new AccountId(producerAccountId))
			.map(Accounts.AccountSummary::locale)
			.orElse(Locale.ENGLISH);
		Accounts.StudentEnrollment account = this.accounts.ensureStudent(address, truncate(name), locale);
		long accountId = account.account().id().value();
		Optional<Enrollment> existing = this.rows.lock(productId, accountId);
		boolean created = existing.isEmpty();
		long id;
		if (created) {
			// the name the producer gave, never the account's: the answer must not tell a
			// producer whether the address has an account elsewhere, or its owner's name
			id = this.rows.insert(PublicIds.next(), productId, producerAccountId, accountId, address.value(),
					truncate(name), groupId, EnrollmentSource.IMPORTED, start, student.accessEndsAt(), null, null, now);
		}
		else {
			id = existing.get().id();
			this.rows.updateImported(id, groupId, start, student.accessEndsAt(), now);
		}
		if (created) {
			sendAccess(product, account.account());
		}
		return new Enrolled(this.rows.find(id).orElseThrow(), created);
	}

	/**
	 * Moves students to another group of the same product; from then on they see that
	 * group's content, comments and settings only.
	 * @return how many moved
	 * @throws ClubRefused when the group is another product's, a student is not the
	 * product's, or the list is empty or too long (nothing moves)
	 */
	@Transactional
	public int move(long producerAccountId, long productId, Collection<Long> enrollmentIds, long groupId) {
		this.products.own(producerAccountId, productId);
		this.areaRows.lockProduct(productId);
		long target = groupOf(productId, groupId);
		List<Enrollment> students = students(productId, enrollmentIds);
		this.rows.moveGroup(students.stream().map(Enrollment::id).toList(), target, this.clock.instant());
		return students.size();
	}

	/**
	 * Blocks or unblocks students' access.
	 * @return how many changed
	 */
	@Transactional
	public int block(long producerAccountId, long productId, Collection<Long> enrollmentIds, boolean blocked) {
		this.products.own(producerAccountId, productId);
		List<Enrollment> students = students(productId, enrollmentIds);
		this.rows.setBlocked(students.stream().map(Enrollment::id).toList(), blocked, this.clock.instant());
		return students.size();
	}

	/**
	 * Sends the access e-mail again to each student (with a fresh activation link for one
	 * who never activated the account).
	 * @return how many e-mails were queued
	 */
	@Transactional
	public int resendAccess(long producerAccountId, long productId, Collection<Long> enrollmentIds) {
		ProductSummary product = this.products.own(producerAccountId, productId);
		List<Enrollment> students = students(productId, enrollmentIds);
		for (Enrollment e : students) {
			this.accounts.find(new AccountId(e.accountId())).ifPresent((a) -> sendAccess(product, a));
		}
		return students.size();
	}

	/**
	 * @param producerAccountId the producer
	 * @param productId the product
	 * @param enrollmentId one of its students
	 * @return the enrolment
	 * @throws ClubNotFound when it is not a student of the producer's product
	 */
	@Transactional
	public Enrollment student(long producerAccountId, long productId, long enrollmentId) {
		this.products.own(producerAccountId, productId);
		return this.rows.find(enrollmentId)
			.filter((e) -> e.productId() == productId)
			.orElseThrow(() -> new ClubNotFound("No student " + enrollmentId + " in product " + productId + "."));
	}

	/**
	 * A page of the product's students.
	 * @param offset rows to skip
	 * @param limit 1 to 500
	 */
	@Transactional
	public StudentList list(long producerAccountId, long productId, StudentFilter filter, int offset, int limit) {
		this.products.own(producerAccountId, productId);
		Instant now = this.clock.instant();
		List<Enrollment> page = this.rows.search(productId, filter, now, null, Math.max(0, offset),
				Math.max(1, Math.min(limit, 500)));
		return new StudentList(page, this.rows.count(productId, filter, now),
				this.rows.completedCounts(page.stream().map(Enrollment::id).toList()));
	}

	/**
	 * The student picker: the product's students whose e-mail address or name starts with
	 * what the producer typed, any case, by name.
	 * @param prefix what was typed; blank finds nobody
	 * @param limit 1 to 50
	 * @throws ClubNotFound when the product is not the producer's
	 */
	@Transactional(readOnly = true)
	public List<Enrollment> startingWith(long producerAccountId, long productId, String prefix, int limit) {
		this.products.own(producerAccountId, productId);
		if (prefix == null || prefix.isBlank()) {
			return List.of();
		}
		String typed = prefix.strip();
		return this.rows.startingWith(productId, (typed.length() > 100) ? typed.substring(0, 100) : typed,
				Math.max(1, Math.min(limit, 50)));
	}

	/**
	 * How many of the product's students match the filter now.
	 * @throws ClubNotFound when the product is not the producer's
	 */
	@Transactional(readOnly = true)
	public long count(long producerAccountId, long productId, StudentFilter filter) {
		this.products.own(producerAccountId, productId);
		return this.rows.count(productId, filter, this.clock.instant());
	}

	/**
	 * The next batch of a bulk action: the product's students matching the filter now,
	 * after the cursor, by id.
	 */
	List<Long> nextMatching(long productId, StudentFilter filter, long afterId, int limit) {
		return this.rows.search(productId, filter, this.clock.instant(), afterId, 0, limit)
			.stream()
			.map(Enrollment::id)
			.toList();
	}

	/**
	 * @return the student's enrolments across every producer
	 */
	@Transactional(readOnly = true)
	public List<Enrollment> ofAccount(long accountId) {
		return this.rows.ofAccount(accountId);
	}

	/**
	 * The producer's new students: those whose access started in a range (bought, added
	 * or imported), per product. One query.
	 * @param producerAccountId the producer
	 * @param from started at or after this instant
	 * @param to started before this instant
	 * @return product id → how many, by product id; products without any are left out
	 */
	@Transactional(readOnly = true)
	public Map<Long, Long> newStudents(long producerAccountId, Instant from, Instant to) {
		return this.rows.startedPerProduct(producerAccountId, from, to);
	}

	private List<Enrollment> students(long productId, Collection<Long> enrollmentIds) {
		LinkedHashSet<Long> ids = new LinkedHashSet<>(enrollmentIds);
		if (ids.isEmpty()) {
			throw new ClubRefused("students", "students.none", "Select at least one student.");
		}
		if (ids.size() > MAX_BULK) {
			throw new ClubRefused("students", "students.too-many", "Select at most 1000 students at a time.", MAX_BULK);
		}
		List<Enrollment> found = this.rows.ofProduct(productId, ids);
		if (found.size() != ids.size()) {
			throw new ClubRefused("students", "students.unknown",
					"Some selected students are not students of this product; nothing was changed.");
		}
		return found;
	}

	private long groupOf(long productId, long groupId) {
		if (!this.groups.belongsTo(groupId, productId)) {
			throw new ClubRefused("groupId", "group.other-product",
					"Group " + groupId + " is not a group of this product.", groupId);
		}
		return groupId;
	}

	private void sendAccess(ProductSummary product, Accounts.AccountSummary account) {
		ClubArea area = this.areas.ensure(product.producerAccountId());
		Map<String, Object> variables = new HashMap<>();
		variables.put("studentName", account.name());
		variables.put("productName", product.name());
		variables.put("areaName", area.name());
		variables.put("clubUrl", this.baseUrl.link(area.path() + "/products/" + product.id()));
		if (!account.active()) {
			variables.put("activationUrl", this.accounts.activationLink(account.id()));
		}
		this.mailer.enqueue(new OutgoingMail(account.email(), account.locale(), "club.mail.access.subject",
				List.of(product.name()), "club/mail/access", variables));
	}

	private static String truncate(String name) {
		return (name.length() > 100) ? name.substring(0, 100) : name;
	}

	/**
	 * A page of students.
	 *
	 * @param students the students on this page
	 * @param total how many match the filter
	 * @param completed per enrolment id, how many pages the student completed
	 */
	public record StudentList(List<Enrollment> students, long total, Map<Long, Integer> completed) {
	}

}
