package io.atrium.club;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.catalog.Delivery;
import io.atrium.catalog.ImageChange;
import io.atrium.catalog.Offer;
import io.atrium.catalog.OfferDetails;
import io.atrium.catalog.Offers;
import io.atrium.catalog.PaymentMode;
import io.atrium.catalog.Product;
import io.atrium.catalog.ProductDetails;
import io.atrium.catalog.ProductFormat;
import io.atrium.catalog.ProductStatus;
import io.atrium.catalog.Products;
import io.atrium.checkout.Buyer;
import io.atrium.checkout.CardDetails;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.CheckoutRequest;
import io.atrium.checkout.PaymentMethod;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.club.content.ClubAreas;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.ModuleDetails;
import io.atrium.club.content.PageDetails;
import io.atrium.club.content.PageKind;
import io.atrium.club.groups.Enrollments;
import io.atrium.shared.EmailAddress;
import io.atrium.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer with a members-area course, its content and buyers, for the student-side
 * tests, through the modules' own services.
 */
final class StudentShop {

	static final String PASSWORD = "correct horse battery";

	/** The sandbox card that is always approved. */
	static final String APPROVED_CARD = "4111111111111111";

	private final Accounts accounts;

	private final Products products;

	private final Offers offers;

	private final Checkout checkout;

	private final ClubAreas areas;

	private final ClubContent content;

	private final Enrollments enrollments;

	StudentShop(Accounts accounts, Products products, Offers offers, Checkout checkout, ClubAreas areas,
			ClubContent content, Enrollments enrollments) {
		this.accounts = accounts;
		this.products = products;
		this.offers = offers;
		this.checkout = checkout;
		this.areas = areas;
		this.content = content;
		this.enrollments = enrollments;
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	/**
	 * A producer, their area with a fresh subdomain, and an active members-area product
	 * with one offer.
	 */
	Course course(String productName) {
		String producerEmail = unique("producer");
		long producer = this.accounts
			.createActive(EmailAddress.of(producerEmail), "Bela Baker", PASSWORD, Locale.ENGLISH, Set.of(Role.PRODUCER))
			.id()
			.value();
		Product product = this.products.create(producer,
				new ProductDetails(productName, "Bake real bread at home.", "help@bakery.example",
						ProductFormat.ONLINE_COURSE, ProductStatus.ACTIVE, 7, Delivery.membersArea()),
				ImageChange.keep());
		Offer offer = this.offers.create(producer, product.id(),
				new OfferDetails("Full course", Money.of(10000, "BRL"), PaymentMode.SINGLE, null, null));
		String subdomain = "bakery-" + UUID.randomUUID().toString().substring(0, 8);
		this.areas.change(producer, subdomain, "Bela’s Bakery School");
		return new Course(producer, producerEmail, product.id(), offer.code(), subdomain);
	}

	/** An active student account (as if activated), not enrolled anywhere yet. */
	Student student(String name) {
		String email = unique(name.toLowerCase(Locale.ROOT).replace(' ', '-'));
		long id = this.accounts
			.createActive(EmailAddress.of(email), name, PASSWORD, Locale.ENGLISH, Set.of(Role.STUDENT))
			.id()
			.value();
		return new Student(id, name, email);
	}

	/** The student buys the course with the sandbox card; returns the transaction. */
	String buy(Course course, Student student) {
		Purchase purchase = this.checkout.checkout(new CheckoutRequest(UUID.randomUUID().toString(), course.offerCode(),
				null, new Buyer(student.name(), student.email(), null, Locale.ENGLISH), PaymentMethod.CARD,
				new CardDetails(APPROVED_CARD, "STUDENT", 12, 2099, "123"), null));
		assertThat(purchase.status()).isEqualTo(PurchaseStatus.APPROVED);
		ClubShop.awaitEnrolled(this.enrollments, purchase.buyerAccountId(), purchase.id());
		return purchase.transaction();
	}

	/**
	 * Someone without an account buys the course with the sandbox card: the checkout
	 * creates their account, pending until they activate it from the e-mail.
	 */
	String buyAs(Course course, String name, String email) {
		Purchase purchase = this.checkout.checkout(new CheckoutRequest(UUID.randomUUID().toString(), course.offerCode(),
				null, new Buyer(name, email, null, Locale.ENGLISH), PaymentMethod.CARD,
				new CardDetails(APPROVED_CARD, "BUYER", 12, 2099, "123"), null));
		assertThat(purchase.status()).isEqualTo(PurchaseStatus.APPROVED);
		ClubShop.awaitEnrolled(this.enrollments, purchase.buyerAccountId(), purchase.id());
		return purchase.transaction();
	}

	ClubModule module(Course course, String name) {
		return this.content.addModule(course.producer(), course.productId(), new ModuleDetails(name, false, true));
	}

	ClubPage text(Course course, ClubModule module, String name, String body) {
		return this.content.addPage(course.producer(), module.id(),
				new PageDetails(name, PageKind.TEXT, body, null, true));
	}

	ClubPage page(Course course, ClubModule module, PageDetails details) {
		return this.content.addPage(course.producer(), module.id(), details);
	}

	record Course(long producer, String producerEmail, long productId, String offerCode, String subdomain) {

		String path() {
			return "/club/" + this.subdomain;
		}

		String outline() {
			return path() + "/products/" + this.productId;
		}

		String page(ClubPage page) {
			return path() + "/pages/" + page.publicId();
		}

	}

	record Student(long id, String name, String email) {
	}

}
