package io.atrium.media;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.atrium.media.internal.BrandRows;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Producers' brands: the branding page changes them, {@link Branding} shows them, and
 * their style sheets are served at {@code /media/brand/<producer>/<version>.css} (the
 * version grows with every change, so the address can be cached for ever).
 */
@Service
public class Brands implements Branding {

	private final BrandRows rows;

	private final Images images;

	private final Clock clock;

	Brands(BrandRows rows, Images images, Clock clock) {
		this.rows = rows;
		this.images = images;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Brand> forProducer(long producerAccountId) {
		return this.rows.find(producerAccountId)
			.map((r) -> new Brand(r.name(), Images.url(r.logoImage(), Images.LOGO),
					Images.url(r.faviconImage(), Images.FAVICON),
					"/media/brand/" + producerAccountId + "/" + r.version() + ".css"));
	}

	/**
	 * @param producerAccountId a producer
	 * @return what they chose, empty when they never saved a brand
	 */
	@Transactional(readOnly = true)
	public Optional<BrandSettings> settings(long producerAccountId) {
		return this.rows.find(producerAccountId).map((r) -> {
			BrandColors colors = (r.color() != null) ? BrandColors.of(r.color()) : null;
			return new BrandSettings(r.name(), r.color(), Images.url(r.logoImage(), Images.LOGO),
					Images.url(r.faviconImage(), Images.FAVICON), (colors != null) ? colors.contrast() : null,
					(colors != null) ? colors.accent() : null);
		});
	}

	/**
	 * Saves a producer's brand: name, colour, logo and favicon (resized and stored; the
	 * ones they replace or remove are deleted).
	 * @param producerAccountId the producer
	 * @param change what changes
	 * @throws BrandRefused listing every broken rule; nothing is saved
	 */
	@Transactional
	public void save(long producerAccountId, BrandChange change) {
		List<BrandRefused.Problem> problems = new ArrayList<>();
		String name = (change.name() != null) ? change.name().strip() : "";
		if (name.isEmpty() || name.length() > 100) {
			problems.add(new BrandRefused.Problem("name", "media.brand.error.name", List.of(100)));
		}
		String color = null;
		if (change.color() != null && !change.color().isBlank()) {
			color = BrandColors.normalise(change.color());
			if (color == null) {
				problems.add(new BrandRefused.Problem("color", "media.brand.error.color", List.of()));
			}
		}
		check("logo", ImagePurpose.LOGO, change.logo(), problems);
		check("favicon", ImagePurpose.FAVICON, change.favicon(), problems);
		if (!problems.isEmpty()) {
			throw new BrandRefused(problems);
		}
		Optional<BrandRows.BrandRow> current = this.rows.find(producerAccountId);
		String logo = image(producerAccountId, "logo", ImagePurpose.LOGO, change.logo(), change.removeLogo(),
				current.map(BrandRows.BrandRow::logoImage).orElse(null));
		String favicon = image(producerAccountId, "favicon", ImagePurpose.FAVICON, change.favicon(),
				change.removeFavicon(), current.map(BrandRows.BrandRow::faviconImage).orElse(null));
		this.rows.save(producerAccountId, name, color, logo, favicon, this.clock.instant());
	}

	/**
	 * @param producerAccountId a producer
	 * @param version the version in the address
	 * @return the style sheet of that version, empty when it is not the current one
	 */
	@Transactional(readOnly = true)
	public Optional<String> stylesheet(long producerAccountId, int version) {
		return this.rows.find(producerAccountId)
			.filter((r) -> r.version() == version)
			.map((r) -> BrandColors.stylesheet((r.color() != null) ? BrandColors.of(r.color()) : null));
	}

	private void check(String field, ImagePurpose purpose, byte[] bytes, List<BrandRefused.Problem> problems) {
		if (bytes != null) {
			this.images.check(purpose, bytes)
				.ifPresent((refused) -> problems
					.add(new BrandRefused.Problem(field, refused.messageKey(), refused.args())));
		}
	}

	private String image(long producer, String field, ImagePurpose purpose, byte[] upload, boolean remove,
			String current) {
		if (upload == null && !remove) {
			return current;
		}
		String replacement = null;
		if (upload != null) {
			try {
				replacement = this.images.store(producer, purpose, upload).ref();
			}
			catch (ImageRefused ex) {
				throw new BrandRefused(List.of(new BrandRefused.Problem(field, ex.messageKey(), ex.args())));
			}
		}
		this.images.delete(producer, current);
		return replacement;
	}

}
