package io.atrium.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

import javax.imageio.ImageIO;

/**
 * Small images made for tests: real files written by ImageIO, and two WebP files (a 1 × 1
 * lossless and a 1 × 1 lossy one, the smallest valid WebP files).
 */
public final class TestImages {

	/** A 1 × 1 lossless WebP. */
	public static final byte[] WEBP_LOSSLESS = Base64.getDecoder()
		.decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

	/** A 1 × 1 lossy WebP. */
	public static final byte[] WEBP_LOSSY = Base64.getDecoder()
		.decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

	private TestImages() {
	}

	/** A PNG with transparency, half red and half the given colour. */
	public static byte[] png(int width, int height, Color color) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(255, 0, 0, 200));
		g.fillRect(0, 0, width / 2, height);
		g.setColor(color);
		g.fillRect(width / 2, 0, width - width / 2, height);
		g.dispose();
		return write(image, "png");
	}

	/** A JPEG photo-like picture. */
	public static byte[] jpeg(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(30, 120, 200));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.YELLOW);
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		return write(image, "jpeg");
	}

	/** The same JPEG with a comment segment (metadata) right after its start. */
	public static byte[] jpegWithComment(int width, int height, String comment) {
		byte[] jpeg = jpeg(width, height);
		byte[] text = comment.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xFE);
		out.write((text.length + 2) >> 8);
		out.write((text.length + 2) & 0xFF);
		out.writeBytes(text);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	/**
	 * A real 1 × 1 PNG whose header claims the given size: decoding it would need that
	 * many pixels (a decompression bomb's trick).
	 */
	public static byte[] pngClaiming(int width, int height) {
		byte[] png = png(1, 1, Color.BLUE);
		// IHDR data starts at byte 16: width, then height, both big-endian
		for (int i = 0; i < 4; i++) {
			png[16 + i] = (byte) (width >>> (24 - 8 * i));
			png[20 + i] = (byte) (height >>> (24 - 8 * i));
		}
		return png;
	}

	/** Reads an image back, for its size. */
	public static BufferedImage read(byte[] bytes) {
		try {
			return ImageIO.read(new ByteArrayInputStream(bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] write(BufferedImage image, String format) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, format, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
