package io.atrium.club;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.catalog.Delivery;
import io.atrium.catalog.ImageChange;
import io.atrium.catalog.Product;
import io.atrium.catalog.ProductDetails;
import io.atrium.catalog.ProductFormat;
import io.atrium.catalog.ProductStatus;
import io.atrium.catalog.Products;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.ModuleDetails;
import io.atrium.club.content.PageDetails;
import io.atrium.club.content.PageKind;
import io.atrium.club.groups.Enrollment;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.Groups;
import io.atrium.club.groups.StudentImport;
import io.atrium.shared.EmailAddress;

/**
 * Producers, members-area products with groups and content, and students, for the Users
 * tab tests.
 */
final class StudentsTabFixture {

	static final String PASSWORD = "users tab test password";

	private final Accounts accounts;

	private final Products products;

	private final Groups groups;

	private final ClubContent content;

	private final Enrollments enrollments;

	StudentsTabFixture(Accounts accounts, Products products, Groups groups, ClubContent content,
			Enrollments enrollments) {
		this.accounts = accounts;
		this.products = products;
		this.groups = groups;
		this.content = content;
		this.enrollments = enrollments;
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	Producer producer(String name) {
		String email = unique("producer");
		long id = this.accounts
			.createActive(EmailAddress.of(email), name, PASSWORD, Locale.ENGLISH, Set.of(Role.PRODUCER))
			.id()
			.value();
		return new Producer(id, email);
	}

	/** A course in the members area with the groups Default and VIP. */
	Course course(Producer producer, String name) {
		Product product = this.products.create(
				producer.id(), new ProductDetails(name, "About " + name, "help@example.com",
						ProductFormat.ONLINE_COURSE, ProductStatus.ACTIVE, 7, Delivery.membersArea()),
				ImageChange.keep());
		long defaultGroup = this.groups.of(producer.id(), product.id()).get(0).id();
		long vip = this.groups.create(producer.id(), product.id(), "VIP", false).id();
		return new Course(producer.id(), product.id(), defaultGroup, vip);
	}

	ClubPage page(Course course, String module, String page) {
		ClubModule m = this.content.addModule(course.producer(), course.productId(),
				new ModuleDetails(module, false, true));
		return this.content.addPage(course.producer(), m.id(),
				new PageDetails(page, PageKind.TEXT, "Text of " + page, null, true));
	}

	Enrollment student(Course course, String name, String email, long groupId) {
		return this.enrollments
			.enroll(course.producer(), course.productId(), new StudentImport(email, name, groupId, null, null))
			.enrollment();
	}

	Enrollment reload(Course course, Enrollment e) {
		return this.enrollments.student(course.producer(), course.productId(), e.id());
	}

	record Producer(long id, String email) {
	}

	record Course(long producer, long productId, long defaultGroup, long vip) {

		String path() {
			return "/business/products/" + this.productId + "/club";
		}

	}

}
