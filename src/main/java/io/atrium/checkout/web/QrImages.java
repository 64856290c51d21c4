package io.atrium.checkout.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes as PNG images, drawn from ZXing's module matrix: black modules on white, a
 * quiet zone of four modules, medium error correction (what bank apps expect of a PIX
 * code).
 */
final class QrImages {

	private QrImages() {
	}

	/**
	 * @param text what the code holds
	 * @param size the image's width and height in pixels (rounded down to whole modules,
	 * at least one pixel a module)
	 * @return the PNG bytes
	 * @throws IllegalArgumentException when the text does not fit a QR code
	 */
	static byte[] png(String text, int size) {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Cannot draw a QR code of " + text.length() + " characters", ex);
		}
		int modules = matrix.getWidth();
		int scale = Math.max(1, size / modules);
		BufferedImage image = new BufferedImage(modules * scale, modules * scale, BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < modules * scale; y++) {
			for (int x = 0; x < modules * scale; x++) {
				image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
