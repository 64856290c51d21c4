package io.atrium.club.comments;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.atrium.accounts.AccountId;
import io.atrium.accounts.Accounts;
import io.atrium.accounts.Accounts.AccountSummary;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.ProductSummary;
import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import io.atrium.club.content.ClubProducts;
import io.atrium.club.internal.CommentHelperRows;
import io.atrium.club.internal.CommentHelperRows.HelperRow;
import io.atrium.notifications.Mailer;
import io.atrium.notifications.OutgoingMail;
import io.atrium.platform.BaseUrl;
import io.atrium.shared.EmailAddress;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The helpers a producer names to read, reply to and hide the comments of one of their
 * members-area products or of all of them, and nothing else of the producer's. A helper
 * is an ordinary account found by e-mail; an address without one gets a pending account
 * and the invitation carries its activation link (as imports do). The list shows the name
 * the producer gave, never the account's own, so it does not tell whose an address is.
 */
@Service
public class CommentHelpers {

	/** Where a helper works: the unanswered questions. */
	public static final String QUESTIONS_PATH = "/business/club/questions";

	private final CommentHelperRows rows;

	private final Accounts accounts;

	private final ClubProducts products;

	private final Catalog catalog;

	private final Mailer mailer;

	private final BaseUrl baseUrl;

	private final Clock clock;

	CommentHelpers(CommentHelperRows rows, Accounts accounts, ClubProducts products, Catalog catalog, Mailer mailer,
			BaseUrl baseUrl, Clock clock) {
		this.rows = rows;
		this.accounts = accounts;
		this.products = products;
		this.catalog = catalog;
		this.mailer = mailer;
		this.baseUrl = baseUrl;
		this.clock = clock;
	}

	/**
	 * @param producerAccountId the producer
	 * @return their helpers, oldest first
	 */
	@Transactional(readOnly = true)
	public List<Helper> of(long producerAccountId) {
		return this.rows.ofProducer(producerAccountId).stream().map(this::helper).toList();
	}

	/**
	 * Names a helper and sends them an invitation e-mail (with an activation link when
	 * their account is new or not activated yet).
	 * @param producerAccountId the producer
	 * @param email the helper's address
	 * @param name the helper's name, for a new account (the address's local part when
	 * blank)
	 * @param productId one of the producer's members-area products, or null for all
	 * @param locale the language of a new account
	 * @return the helper
	 * @throws ClubNotFound when the product is not the producer's
	 * @throws ClubRefused when the address is not one, is the producer's own, or already
	 * helps with the same products (nothing is saved)
	 */
	@Transactional
	public Helper add(long producerAccountId, String email, String name, Long productId, Locale locale) {
		if (!EmailAddress.isValidInput(email)) {
			throw new ClubRefused("email", "helper.email", "Type the helper's e-mail address.");
		}
		EmailAddress address = EmailAddress.of(email);
		ProductSummary product = (productId != null) ? this.products.own(producerAccountId, productId) : null;
		String stripped = (name != null && !name.isBlank()) ? name.strip() : address.value().split("@")[0];
		String given = (stripped.length() > 100) ? stripped.substring(0, 100) : stripped;
		AccountSummary account = this.accounts.findByEmail(address)
			.orElseGet(() -> this.accounts.ensureStudent(address, given, locale).account());
		long helper = account.id().value();
		if (helper == producerAccountId) {
			throw new ClubRefused("email", "helper.self", "You answer your comments yourself already.");
		}
		boolean exists = this.rows.ofProducer(producerAccountId)
			.stream()
			.anyMatch(
					(h) -> h.helperAccountId() == helper && (h.productId() == null || h.productId().equals(productId)));
		if (exists) {
			throw new ClubRefused("email", "helper.exists", "This person already helps with these comments.",
					address.value());
		}
		long id = this.rows.insert(producerAccountId, helper, productId, given, this.clock.instant());
		invite(producerAccountId, account, given, product);
		return helper(this.rows.find(id).orElseThrow());
	}

	/**
	 * Removes a helper: from now on they get 404 on the producer's comments.
	 * @throws ClubNotFound when the helper is not the producer's
	 */
	@Transactional
	public Helper remove(long producerAccountId, long helperId) {
		HelperRow row = this.rows.find(helperId)
			.filter((h) -> h.producerAccountId() == producerAccountId)
			.orElseThrow(() -> new ClubNotFound("No helper " + helperId + "."));
		Helper helper = helper(row);
		this.rows.delete(helperId);
		return helper;
	}

	private void invite(long producerAccountId, AccountSummary account, String name, ProductSummary product) {
		Map<String, Object> variables = new HashMap<>();
		String producerName = this.accounts.find(new AccountId(producerAccountId))
			.map(AccountSummary::name)
			.orElse("?");
		variables.put("helperName", name);
		variables.put("producerName", producerName);
		if (product != null) {
			variables.put("productName", product.name());
		}
		variables.put("questionsUrl", this.baseUrl.link(QUESTIONS_PATH));
		if (!account.active()) {
			variables.put("activationUrl", this.accounts.activationLink(account.id()));
		}
		this.mailer.enqueue(new OutgoingMail(account.email(), account.locale(), "comments.mail.helper.subject",
				List.of(producerName), "club/mail/comment-helper", variables));
	}

	private Helper helper(HelperRow row) {
		AccountSummary account = this.accounts.find(new AccountId(row.helperAccountId())).orElse(null);
		String product = (row.productId() != null)
				? this.catalog.product(row.productId()).map(ProductSummary::name).orElse("?") : null;
		return new Helper(row.id(), row.name(), (account != null) ? account.email() : "?", product);
	}

	/**
	 * A helper as the producer's page lists them.
	 *
	 * @param id the helper entry's id
	 * @param name the helper's name
	 * @param email the helper's address
	 * @param productName the product they help with, null for all the producer's products
	 */
	public record Helper(long id, String name, String email, String productName) {
	}

}
