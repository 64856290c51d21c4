package io.atrium.media;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.atrium.media.internal.ImageRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A producer's uploaded images: check, resize, store, find, delete. Every method that
 * reads or changes an image is scoped to its producer: another producer's image is
 * answered as absent. Other modules keep an image's reference ({@link StoredImage#ref()},
 * {@code key.extension}) and build its addresses with {@link #url(String, String)}.
 */
@Service
public class Images {

	/** Product and module covers: 1200 × 675 (16:9), cropped. */
	public static final String COVER = "cover-1200";

	/** Product and module covers: 600 × 338, cropped, for lists. */
	public static final String COVER_SMALL = "cover-600";

	/** Logos: at most 480 × 96, proportions kept. */
	public static final String LOGO = "logo";

	/** Favicons: 32 × 32 PNG. */
	public static final String FAVICON = "favicon-32";

	/** Favicons: 180 × 180 PNG (touch icon). */
	public static final String TOUCH_ICON = "icon-180";

	/** Lesson images: at most 1600 × 1600, proportions kept. */
	public static final String LESSON = "large";

	private static final Logger log = LoggerFactory.getLogger(Images.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ImageRows rows;

	private final BlobStore store;

	private final Clock clock;

	Images(ImageRows rows, BlobStore store, Clock clock) {
		this.rows = rows;
		this.store = store;
		this.clock = clock;
	}

	/**
	 * The address of one variant of an image.
	 * @param ref an image's reference ({@code key.extension}), may be null
	 * @param variant a variant of the image's purpose ({@link #COVER}...)
	 * @return {@code /media/<key>/<variant>.<extension>}, or null for a null reference
	 */
	public static String url(String ref, String variant) {
		if (ref == null || ref.isBlank()) {
			return null;
		}
		int dot = ref.indexOf('.');
		return "/media/" + ref.substring(0, dot) + "/" + variant + "." + ref.substring(dot + 1);
	}

	/**
	 * Checks an upload without decoding or storing it: empty, too many bytes, wrong type
	 * (by content) or too many pixels (from the header).
	 * @param purpose what it is for
	 * @param bytes the upload
	 * @return why it is refused, empty when it may be stored (it may still turn out
	 * damaged when decoded)
	 */
	public Optional<ImageRefused> check(ImagePurpose purpose, byte[] bytes) {
		try {
			ImageProcessor.inspect(purpose, bytes);
			return Optional.empty();
		}
		catch (ImageRefused ex) {
			return Optional.of(ex);
		}
	}

	/**
	 * Checks an upload, resizes it into its purpose's variants and stores them, in the
	 * caller's transaction.
	 * @param producerAccountId the owner
	 * @param purpose what it is for
	 * @param bytes the upload
	 * @return the stored image
	 * @throws ImageRefused when the upload is refused; nothing is stored
	 */
	@Transactional
	public StoredImage store(long producerAccountId, ImagePurpose purpose, byte[] bytes) {
		ImageProcessor.Inspected inspected = ImageProcessor.inspect(purpose, bytes);
		List<ImageProcessor.Resized> resized = ImageProcessor.resize(purpose, bytes);
		String key = HexFormat.of().formatHex(randomBytes());
		String extension = resized.get(0).extension();
		List<ImageRows.VariantRow> variants = new ArrayList<>();
		for (ImageProcessor.Resized r : resized) {
			String blobName = key + "/" + r.name() + "." + r.extension();
			this.store.put(producerAccountId, blobName, r.contentType(), r.bytes());
			variants.add(new ImageRows.VariantRow(key, r.name(), r.contentType(), blobName, r.width(), r.height(),
					r.bytes().length));
		}
		this.rows.insert(new ImageRows.ImageRow(key, producerAccountId, purpose.name(), extension, inspected.width(),
				inspected.height()), variants, this.clock.instant());
		log.info("Image {} ({}) stored for producer {}", key, purpose, producerAccountId);
		return new StoredImage(key + "." + extension, producerAccountId, purpose, inspected.width(),
				inspected.height());
	}

	/**
	 * @param producerAccountId the producer asking
	 * @param ref an image's reference
	 * @return the image when it is the producer's own
	 */
	@Transactional(readOnly = true)
	public Optional<StoredImage> find(long producerAccountId, String ref) {
		return row(ref).filter((r) -> r.producerAccountId() == producerAccountId)
			.map((r) -> new StoredImage(r.key() + "." + r.extension(), r.producerAccountId(),
					ImagePurpose.valueOf(r.purpose()), r.width(), r.height()));
	}

	/**
	 * Deletes one of the producer's images and its bytes; its addresses answer 404 from
	 * then on.
	 * @param producerAccountId the owner
	 * @param ref the image's reference, may be null
	 * @return whether the producer had such an image
	 */
	@Transactional
	public boolean delete(long producerAccountId, String ref) {
		Optional<ImageRows.ImageRow> row = row(ref).filter((r) -> r.producerAccountId() == producerAccountId);
		if (row.isEmpty()) {
			return false;
		}
		String key = row.get().key();
		List<String> blobs = this.rows.variants(key).stream().map(ImageRows.VariantRow::blobName).distinct().toList();
		this.rows.delete(key);
		blobs.forEach(this.store::delete);
		return true;
	}

	private Optional<ImageRows.ImageRow> row(String ref) {
		if (ref == null || ref.indexOf('.') < 0) {
			return Optional.empty();
		}
		return this.rows.find(ref.substring(0, ref.indexOf('.')));
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
