package io.atrium.club.content;

import java.text.Normalizer;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.atrium.accounts.AccountId;
import io.atrium.accounts.Accounts;
import io.atrium.club.ClubRefused;
import io.atrium.club.internal.AreaRows;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Producers' members areas and their addresses. Every producer has one; it is created
 * with a subdomain made from the producer's name the first time it is needed.
 */
@NamedInterface("content")
@Service
public class ClubAreas {

	/** 3 to 40 lowercase letters, digits and inner hyphens, like a DNS label. */
	static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]");

	/**
	 * Addresses that are paths of Atrium itself under {@code /club/}, never a subdomain.
	 */
	static final java.util.Set<String> RESERVED = java.util.Set.of("api", "www", "admin", "static", "assets",
			"products", "pages", "business", "login", "logout");

	private final AreaRows rows;

	private final Accounts accounts;

	private final Clock clock;

	ClubAreas(AreaRows rows, Accounts accounts, Clock clock) {
		this.rows = rows;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * @param producerAccountId a producer
	 * @return the producer's area, created now when it did not exist
	 */
	@Transactional
	public ClubArea ensure(long producerAccountId) {
		Optional<ClubArea> existing = this.rows.ofProducer(producerAccountId);
		if (existing.isPresent()) {
			return existing.get();
		}
		String name = this.accounts.find(new AccountId(producerAccountId))
			.map(Accounts.AccountSummary::name)
			.orElse("club");
		String base = slug(name);
		String subdomain = RESERVED.contains(base) ? base + "-club" : base;
		for (int n = 2; this.rows.subdomainTaken(subdomain, producerAccountId); n++) {
			subdomain = base + "-" + n;
		}
		ClubArea area = new ClubArea(producerAccountId, subdomain, name);
		this.rows.insert(area, this.clock.instant());
		return area;
	}

	/**
	 * @param producerAccountId a producer
	 * @return the producer's area; a producer without one gets a provisional view with
	 * the account id as subdomain (areas are created with the first product)
	 */
	@Transactional(readOnly = true)
	public ClubArea of(long producerAccountId) {
		return this.rows.ofProducer(producerAccountId)
			.orElseGet(() -> new ClubArea(producerAccountId, "p" + producerAccountId, "Club"));
	}

	/**
	 * @param subdomain an address as typed, any case
	 * @return the area, empty when no producer has that subdomain
	 */
	@Transactional(readOnly = true)
	public Optional<ClubArea> bySubdomain(String subdomain) {
		return (subdomain != null) ? this.rows.bySubdomain(subdomain.toLowerCase(Locale.ROOT)) : Optional.empty();
	}

	/**
	 * Changes the area's address and name.
	 * @param producerAccountId the producer
	 * @param subdomain 3 to 40 lowercase letters, digits and hyphens, not taken
	 * @param name 1 to 100 characters
	 * @return the area as saved
	 * @throws ClubRefused when the subdomain is invalid or taken, or the name is empty
	 */
	@Transactional
	public ClubArea change(long producerAccountId, String subdomain, String name) {
		ensure(producerAccountId);
		String cleanSubdomain = (subdomain != null) ? subdomain.strip().toLowerCase(Locale.ROOT) : "";
		String cleanName = (name != null) ? name.strip() : "";
		if (!SUBDOMAIN.matcher(cleanSubdomain).matches()) {
			throw new ClubRefused("subdomain", "subdomain.invalid",
					"The address must have 3 to 40 lowercase letters, digits or hyphens.");
		}
		if (RESERVED.contains(cleanSubdomain) || this.rows.subdomainTaken(cleanSubdomain, producerAccountId)) {
			throw new ClubRefused("subdomain", "subdomain.taken", "The address " + cleanSubdomain + " is taken.",
					cleanSubdomain);
		}
		if (cleanName.isEmpty() || cleanName.length() > 100) {
			throw new ClubRefused("name", "area-name.invalid", "Enter a name of 1 to 100 characters.");
		}
		ClubArea area = new ClubArea(producerAccountId, cleanSubdomain, cleanName);
		this.rows.update(area, this.clock.instant());
		return area;
	}

	static String slug(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > 30) {
			slug = slug.substring(0, 30).replaceAll("-+$", "");
		}
		return (slug.length() >= 3) ? slug : "club-" + (slug.isEmpty() ? "area" : slug);
	}

}
