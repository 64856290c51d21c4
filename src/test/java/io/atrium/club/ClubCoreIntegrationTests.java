package io.atrium.club;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.catalog.InvalidCatalogInput;
import io.atrium.catalog.Offer;
import io.atrium.catalog.OfferDetails;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Product;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.Refunds;
import io.atrium.club.access.AccessDecision;
import io.atrium.club.access.AccessReason;
import io.atrium.club.access.ClubAccess;
import io.atrium.club.access.ContentRule;
import io.atrium.club.access.Drip;
import io.atrium.club.access.Expiration;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.ModuleDetails;
import io.atrium.club.content.PageDetails;
import io.atrium.club.content.PageKind;
import io.atrium.club.groups.Enrolled;
import io.atrium.club.groups.Enrollment;
import io.atrium.club.groups.EnrollmentSource;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.Group;
import io.atrium.club.groups.Groups;
import io.atrium.club.groups.StudentImport;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Eventually;
import io.atrium.support.TestClock;
import io.atrium.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The members-area rules through the real services, database, checkout and mail: default
 * groups, offer links, enrolment on purchase, the end of access on refund and chargeback,
 * group deletion, bulk moves, imports and the access decision moving with the clock.
 */
@AtriumIntegrationTest
class ClubCoreIntegrationTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	Checkout checkout;

	@Autowired
	Refunds refunds;

	@Autowired
	Groups groups;

	@Autowired
	Enrollments enrollments;

	@Autowired
	ClubContent content;

	@Autowired
	ClubAccess access;

	@Autowired
	TestClock clock;

	ClubShop shop;

	@BeforeEach
	void shop() {
		this.shop = new ClubShop(this.accounts, this.products, this.offers, this.checkout, this.enrollments);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aMembersAreaProductGetsItsDefaultGroupThatCannotBeDeleted() {
		long producer = this.shop.producer();
		Product product = this.shop.course(producer);
		List<Group> groups = this.groups.of(producer, product.id());
		assertThat(groups).singleElement().satisfies((g) -> assertThat(g.isDefault()).isTrue());
		assertThatThrownBy(() -> this.groups.delete(producer, groups.get(0).id())).isInstanceOf(ClubRefused.class)
			.hasMessageContaining("default group cannot be deleted");
		assertThat(this.groups.of(producer, product.id())).hasSize(1);
	}

	@Test
	void buyersLandInTheirOffersGroupOrTheDefaultAndLoseAccessOnRefund() {
		long producer = this.shop.producer();
		Product product = this.shop.course(producer);
		Offer plain = this.shop.offer(producer, product.id(), "Plain");
		Offer vip = this.shop.offer(producer, product.id(), "VIP");
		Group vipGroup = this.groups.create(producer, product.id(), "VIP", false);
		this.groups.linkOffer(producer, vipGroup.id(), vip.id());

		String ana = student("ana");
		String bruno = student("bruno");
		Purchase anaPurchase = this.shop.buy(plain.code(), ana);
		this.shop.buy(vip.code(), bruno);
		assertThat(anaPurchase.status()).isEqualTo(PurchaseStatus.APPROVED);

		Enrollment anaIn = enrollment(product.id(), ana);
		Enrollment brunoIn = enrollment(product.id(), bruno);
		assertThat(anaIn.groupId()).isEqualTo(defaultGroup(producer, product.id()));
		assertThat(brunoIn.groupId()).isEqualTo(vipGroup.id());
		assertThat(anaIn.source()).isEqualTo(EnrollmentSource.BUYER);

		ClubModule module = this.content.addModule(producer, product.id(), new ModuleDetails("Week 1", false, true));
		ClubPage page = this.content.addPage(producer, module.id(),
				new PageDetails("Starter", PageKind.TEXT, "Flour and water.", null, true));
		assertThat(this.access.decide(anaIn.accountId(), page.id(), Set.of()).allowed()).isTrue();

		this.refunds.refund(producer, anaPurchase.transaction());
		Eventually.until("access ends after the refund",
				() -> !this.access.decide(anaIn.accountId(), page.id(), Set.of()).allowed());
		assertThat(this.access.decide(anaIn.accountId(), page.id(), Set.of()).reasons())
			.containsExactly(AccessReason.PURCHASE_REFUNDED);
		assertThat(this.access.decide(brunoIn.accountId(), page.id(), Set.of()).allowed()).isTrue();
	}

	@Test
	void anOfferBelongsToOneGroupAndAGroupOfAnotherProductIsRefused() {
		long producer = this.shop.producer();
		Product product = this.shop.course(producer);
		Product other = this.shop.course(producer);
		Offer offer = this.shop.offer(producer, product.id(), "Main");
		Group a = this.groups.create(producer, product.id(), "A", false);
		Group b = this.groups.create(producer, product.id(), "B", false);
		Group elsewhere = this.groups.create(producer, other.id(), "Elsewhere", false);
		this.groups.linkOffer(producer, a.id(), offer.id());

		assertThatThrownBy(() -> this.groups.linkOffer(producer, b.id(), offer.id())).isInstanceOf(ClubRefused.class)
			.satisfies((ex) -> assertThat(((ClubRefused) ex).code()).isEqualTo("offer.linked-elsewhere"));
		assertThatThrownBy(() -> this.offers.update(producer, product.id(), offer.id(),
				new OfferDetails("Main", offer.details().price(), offer.details().paymentMode(), null, elsewhere.id())))
			.isInstanceOf(InvalidCatalogInput.class);
		assertThat(this.groups.offersOf(producer, a.id())).extracting(Offer::id).containsExactly(offer.id());
		assertThat(this.groups.offersOf(producer, b.id())).isEmpty();
	}

	@Test
	void deletingAGroupMovesItsStudentsToTheDefaultWhereTheyLoseItsContent() {
		long producer = this.shop.producer();
		Product product = this.shop.course(producer);
		long defaultGroup = defaultGroup(producer, product.id());
		Group gold = this.groups.create(producer, product.id(), "Gold", false);
		ClubModule module = this.content.addModule(producer, product.id(), new ModuleDetails("Bonus", true, true));
		ClubPage bonus = this.content.addPage(producer, module.id(),
				new PageDetails("Gold only", PageKind.TEXT, "Secret.", null, true));
		this.content.setModuleRule(producer, defaultGroup, module.id(),
				new ContentRule(false, Drip.IMMEDIATE, Expiration.NEVER));

		Enrolled carla = this.enrollments.enroll(producer, product.id(),
				new StudentImport(ClubShop.unique("carla"), "Carla", gold.id(), null, null));
		assertThat(this.access.decide(carla.enrollment().accountId(), bonus.id(), Set.of()).allowed()).isTrue();

		assertThat(this.groups.delete(producer, gold.id())).isEqualTo(1);
		Enrollment moved = this.enrollments.student(producer, product.id(), carla.enrollment().id());
		assertThat(moved.groupId()).isEqualTo(defaultGroup);
		assertThat(this.access.decide(moved.accountId(), bonus.id(), Set.of()).reasons())
			.containsExactly(AccessReason.NOT_IN_GROUP);
	}

	@Test
	void bulkMovesAreAllOrNothing() {
		long producer = this.shop.producer();
		Product product = this.shop.course(producer);
		Group target = this.groups.create(producer, product.id(), "Target", false);
		long otherProducer = this.shop.producer();
		Product foreign = this.shop.course(otherProducer);
		Group foreignGroup = this.groups.of(otherProducer, foreign.id()).get(0);
		Enrolled one = this.enrollments.enroll(producer, product.id(),
				new StudentImport(ClubShop.unique("one"), "One", null, null, null));
		Enrolled stranger = this.enrollments.enroll(otherProducer, foreign.id(),
				new StudentImport(ClubShop.unique("stranger"), "Stranger", null, null, null));

		assertThatThrownBy(() -> this.enrollments.move(producer, product.id(),
				List.of(one.enrollment().id(), stranger.enrollment().id()), target.id()))
			.isInstanceOf(ClubRefused.class)
			.satisfies((ex) -> assertThat(((ClubRefused) ex).code()).isEqualTo("students.unknown"));
		assertThatThrownBy(
				() -> this.enrollments.move(producer, product.id(), List.of(one.enrollment().id()), foreignGroup.id()))
			.isInstanceOf(ClubRefused.class)
			.satisfies((ex) -> assertThat(((ClubRefused) ex).code()).isEqualTo("group.other-product"));
		assertThat(this.enrollments.student(producer, product.id(), one.enrollment().id()).groupId())
			.isEqualTo(defaultGroup(producer, product.id()));

		assertThat(this.enrollments.move(producer, product.id(), List.of(one.enrollment().id()), target.id()))
			.isEqualTo(1);
		assertThat(this.enrollments.student(producer, product.id(), one.enrollment().id()).groupId())
			.isEqualTo(target.id());
	}

	@Test
	void anImportedStudentGetsTheAccessEmailAndDripFollowsTheClock() {
		long producer = this.shop.producer();
		Product product = this.shop.course(producer);
		long defaultGroup = defaultGroup(producer, product.id());
		ClubModule module = this.content.addModule(producer, product.id(), new ModuleDetails("Week 2", false, true));
		ClubPage later = this.content.addPage(producer, module.id(),
				new PageDetails("Shaping", PageKind.TEXT, "Fold.", null, true));
		this.content.setPageRule(producer, defaultGroup, later.id(),
				new ContentRule(true, Drip.afterDays(7), Expiration.afterDays(30)));
		String email = ClubShop.unique("dora");
		Enrolled dora = this.enrollments.enroll(producer, product.id(),
				new StudentImport(email, "Dora", null, null, null));
		assertThat(dora.created()).isTrue();
		assertThat(TestMail.subject(TestMail.awaitNth(email, 1))).contains("Sourdough course");

		long account = dora.enrollment().accountId();
		AccessDecision locked = this.access.decide(account, later.id(), Set.of());
		assertThat(locked.reasons()).containsExactly(AccessReason.NOT_RELEASED_YET);
		assertThat(locked.denials().get(0).date()).isEqualTo(dora.enrollment().startedAt().plus(Duration.ofDays(7)));

		this.clock.advance(Duration.ofDays(7));
		assertThat(this.access.decide(account, later.id(), Set.of()).allowed()).isTrue();
		this.clock.advance(Duration.ofDays(23));
		assertThat(this.access.decide(account, later.id(), Set.of()).reasons()).containsExactly(AccessReason.EXPIRED);
	}

	private String student(String name) {
		String email = ClubShop.unique(name);
		this.shop.account(email, name, Role.STUDENT);
		return email;
	}

	private Enrollment enrollment(long productId, String email) {
		long account = this.accounts.findByEmail(io.atrium.shared.EmailAddress.of(email)).orElseThrow().id().value();
		return this.enrollments.ofAccount(account)
			.stream()
			.filter((e) -> e.productId() == productId)
			.findFirst()
			.orElseThrow();
	}

	private long defaultGroup(long producer, long productId) {
		return this.groups.of(producer, productId).stream().filter(Group::isDefault).findFirst().orElseThrow().id();
	}

}
