package io.atrium.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.geometry.Positions;

/**
 * Checks an upload and resizes it into its purpose's variants: the type comes from the
 * file's first bytes and must decode as that type; the byte limit is the purpose's, the
 * pixel limit {@link #MAX_PIXELS}, read from the header before anything is decoded (a
 * small file cannot make the server decode a huge picture). Variants are encoded afresh,
 * so no metadata (EXIF, location, comments) survives; a JPEG's orientation is applied
 * first. Pure: no Spring, no storage.
 */
final class ImageProcessor {

	/** The most pixels an upload may have (about 6000 × 4000). */
	static final long MAX_PIXELS = 25_000_000L;

	/** Decoding takes memory (4 bytes a pixel): at most two at once per instance. */
	private static final Semaphore DECODING = new Semaphore(2);

	static {
		ImageIO.scanForPlugins();
		ImageIO.setUseCache(false);
	}

	private ImageProcessor() {
	}

	/** A checked upload: its format and size, from its header. */
	record Inspected(String format, int width, int height) {

		String contentType() {
			return "image/" + this.format;
		}

	}

	/** One resized variant, encoded. */
	record Resized(String name, String contentType, String extension, int width, int height, byte[] bytes) {
	}

	/**
	 * @return the format ({@code png}, {@code jpeg}, {@code webp}) from the first bytes,
	 * or null
	 */
	static String format(byte[] bytes) {
		if (startsWith(bytes, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, 0)) {
			return "png";
		}
		if (startsWith(bytes, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }, 0)) {
			return "jpeg";
		}
		if (startsWith(bytes, "RIFF".getBytes(), 0) && startsWith(bytes, "WEBP".getBytes(), 8)) {
			return "webp";
		}
		return null;
	}

	/**
	 * Checks the type, the bytes and the pixels without decoding the picture.
	 * @throws ImageRefused when any is wrong
	 */
	static Inspected inspect(ImagePurpose purpose, byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw new ImageRefused(ImageRefused.Reason.EMPTY, "The file is empty.");
		}
		if (bytes.length > purpose.maxBytes()) {
			throw new ImageRefused(ImageRefused.Reason.TOO_LARGE,
					"The image can have at most " + purpose.maxMegabytes() + " MB.", purpose.maxMegabytes());
		}
		String format = format(bytes);
		if (format == null) {
			throw new ImageRefused(ImageRefused.Reason.TYPE, "The image must be a PNG, JPEG or WebP file.");
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
			if (!readers.hasNext()) {
				throw unreadable();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width <= 0 || height <= 0) {
					throw unreadable();
				}
				if ((long) width * height > MAX_PIXELS) {
					throw new ImageRefused(ImageRefused.Reason.TOO_MANY_PIXELS,
							"The image can have at most " + MAX_PIXELS / 1_000_000 + " million pixels.",
							MAX_PIXELS / 1_000_000);
				}
				return new Inspected(format, width, height);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ImageRefused refused) {
				throw refused;
			}
			throw unreadable();
		}
	}

	/**
	 * Checks an upload, decodes it and encodes every variant of its purpose: PNG for
	 * icons and for PNG uploads or pictures with transparency, JPEG otherwise.
	 * @throws ImageRefused when the upload is refused
	 */
	static List<Resized> resize(ImagePurpose purpose, byte[] bytes) {
		Inspected inspected = inspect(purpose, bytes);
		DECODING.acquireUninterruptibly();
		try {
			BufferedImage source = decode(bytes);
			boolean png = purpose.alwaysPng() || "png".equals(inspected.format()) || source.getColorModel().hasAlpha();
			String format = png ? "png" : "jpg";
			List<Resized> variants = new ArrayList<>();
			for (ImagePurpose.ImageVariant variant : purpose.variants()) {
				BufferedImage image = scaled(source, variant, png);
				variants.add(new Resized(variant.name(), png ? "image/png" : "image/jpeg", format, image.getWidth(),
						image.getHeight(), encode(image, format)));
			}
			return variants;
		}
		finally {
			DECODING.release();
		}
	}

	private static BufferedImage decode(byte[] bytes) {
		try {
			// Thumbnailator applies a JPEG's EXIF orientation while reading
			BufferedImage image = Thumbnails.of(new ByteArrayInputStream(bytes)).scale(1.0).asBufferedImage();
			if (image == null) {
				throw unreadable();
			}
			return image;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ImageRefused refused) {
				throw refused;
			}
			throw unreadable();
		}
	}

	private static BufferedImage scaled(BufferedImage source, ImagePurpose.ImageVariant variant, boolean png)
			throws UncheckedIOException {
		try {
			Thumbnails.Builder<BufferedImage> builder = Thumbnails.of(source)
				.imageType(png ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
			if (variant.crop()) {
				builder.size(variant.width(), variant.height()).crop(Positions.CENTER);
			}
			else {
				double scale = Math.min(1.0, Math.min((double) variant.width() / source.getWidth(),
						(double) variant.height() / source.getHeight()));
				builder.scale(scale);
			}
			return builder.asBufferedImage();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] encode(BufferedImage image, String format) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Thumbnails.Builder<BufferedImage> builder = Thumbnails.of(image).scale(1.0).outputFormat(format);
			if ("jpg".equals(format)) {
				builder.outputQuality(0.85f);
			}
			builder.toOutputStream(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ImageRefused unreadable() {
		return new ImageRefused(ImageRefused.Reason.UNREADABLE, "The image could not be read; it may be damaged.");
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix, int offset) {
		if (bytes.length < offset + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[offset + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
