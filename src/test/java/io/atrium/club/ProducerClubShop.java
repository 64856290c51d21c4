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
import io.atrium.club.groups.Enrollment;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.StudentImport;
import io.atrium.shared.EmailAddress;
import io.atrium.shared.Money;

/**
 * Producers, members-area products, offers and students for the producer's members-area
 * tests, through the modules' own services.
 */
record ProducerClubShop(Accounts accounts, Products products, Offers offers, Enrollments enrollments) {

	static final String PASSWORD = "producer club password";

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	/** A producer with the e-mail address they log in with. */
	record Producer(long id, String email) {
	}

	Producer producer() {
		String email = unique("club-producer");
		long id = this.accounts
			.createActive(EmailAddress.of(email), "Paula Producer", PASSWORD, Locale.ENGLISH, Set.of(Role.PRODUCER))
			.id()
			.value();
		return new Producer(id, email);
	}

	long product(Producer producer, String name) {
		Product product = this.products.create(producer.id(), new ProductDetails(name, "A course.", "help@example.com",
				ProductFormat.ONLINE_COURSE, ProductStatus.ACTIVE, 7, Delivery.membersArea()), ImageChange.keep());
		return product.id();
	}

	Offer offer(Producer producer, long productId, String name) {
		return this.offers.create(producer.id(), productId,
				new OfferDetails(name, Money.of(9900, "BRL"), PaymentMode.SINGLE, null, null));
	}

	Enrollment student(Producer producer, long productId, Long groupId, String name) {
		return this.enrollments
			.enroll(producer.id(), productId, new StudentImport(unique("student"), name, groupId, null, null))
			.enrollment();
	}

}
