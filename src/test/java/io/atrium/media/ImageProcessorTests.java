package io.atrium.media;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Uploads are judged by their content, within byte and pixel limits read before any
 * decoding, and resized into their purpose's variants with no metadata left.
 */
class ImageProcessorTests {

	@Test
	void theTypeComesFromTheFirstBytesNeverFromTheName() {
		assertThat(ImageProcessor.format(TestImages.png(2, 2, Color.BLUE))).isEqualTo("png");
		assertThat(ImageProcessor.format(TestImages.jpeg(2, 2))).isEqualTo("jpeg");
		assertThat(ImageProcessor.format(TestImages.WEBP_LOSSLESS)).isEqualTo("webp");
		assertThat(ImageProcessor.format("GIF89a....".getBytes())).isNull();
		assertThat(ImageProcessor.format("<svg xmlns=...>".getBytes())).isNull();
		assertThat(ImageProcessor.format(new byte[0])).isNull();
	}

	@Test
	void refusalsNameTheirReasonAndLimit() {
		assertThat(refusal(ImagePurpose.PRODUCT_COVER, new byte[0]).reason()).isEqualTo(ImageRefused.Reason.EMPTY);
		assertThat(refusal(ImagePurpose.PRODUCT_COVER, "<svg onload=alert(1)>".getBytes()).reason())
			.isEqualTo(ImageRefused.Reason.TYPE);
		ImageRefused big = refusal(ImagePurpose.LOGO, new byte[2 * 1024 * 1024 + 1]);
		assertThat(big.reason()).isEqualTo(ImageRefused.Reason.TOO_LARGE);
		assertThat(big.args()).containsExactly(2);
		assertThat(big.messageKey()).isEqualTo("media.refused.too-large");
		byte[] pngHeaderThenGarbage = new byte[64];
		System.arraycopy(TestImages.png(1, 1, Color.BLUE), 0, pngHeaderThenGarbage, 0, 8);
		assertThat(refusal(ImagePurpose.PRODUCT_COVER, pngHeaderThenGarbage).reason())
			.isEqualTo(ImageRefused.Reason.UNREADABLE);
		byte[] jpegHeaderOnly = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0 };
		assertThat(refusal(ImagePurpose.PRODUCT_COVER, jpegHeaderOnly).reason())
			.isEqualTo(ImageRefused.Reason.UNREADABLE);
	}

	@Test
	void aSmallFileClaimingHugeDimensionsIsRefusedBeforeDecoding() {
		byte[] bomb = TestImages.pngClaiming(20_000, 20_000);
		assertThat(bomb.length).isLessThan(200);
		ImageRefused refused = refusal(ImagePurpose.LESSON_IMAGE, bomb);
		assertThat(refused.reason()).isEqualTo(ImageRefused.Reason.TOO_MANY_PIXELS);
		assertThat(refused.args()).containsExactly(25L);
		assertThat(ImageProcessor.inspect(ImagePurpose.LESSON_IMAGE, TestImages.pngClaiming(5000, 5000)).width())
			.isEqualTo(5000);
	}

	@Test
	void coversAreCroppedTo16By9InTwoSizesAndKeepPngWhenUploadedAsPng() {
		Map<String, ImageProcessor.Resized> variants = byName(
				ImageProcessor.resize(ImagePurpose.PRODUCT_COVER, TestImages.png(2000, 2000, Color.GREEN)));
		assertThat(variants.keySet()).containsExactlyInAnyOrder(Images.COVER, Images.COVER_SMALL);
		assertSize(variants.get(Images.COVER), 1200, 675);
		assertSize(variants.get(Images.COVER_SMALL), 600, 338);
		assertThat(variants.get(Images.COVER).contentType()).isEqualTo("image/png");
		assertThat(variants.get(Images.COVER).extension()).isEqualTo("png");
	}

	@Test
	void photosBecomeJpegsWithoutTheirMetadata() {
		byte[] upload = TestImages.jpegWithComment(1600, 1200, "GPS 45.4642N 9.1900E secret");
		assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("secret");
		Map<String, ImageProcessor.Resized> variants = byName(ImageProcessor.resize(ImagePurpose.MODULE_COVER, upload));
		ImageProcessor.Resized cover = variants.get(Images.COVER);
		assertThat(cover.contentType()).isEqualTo("image/jpeg");
		assertThat(cover.extension()).isEqualTo("jpg");
		assertSize(cover, 1200, 675);
		assertThat(new String(cover.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("secret");
	}

	@Test
	void logosKeepTheirProportionsWithinTheirBoxAndAreNeverEnlarged() {
		assertSize(byName(ImageProcessor.resize(ImagePurpose.LOGO, TestImages.png(1000, 500, Color.BLUE)))
			.get(Images.LOGO), 192, 96);
		assertSize(
				byName(ImageProcessor.resize(ImagePurpose.LOGO, TestImages.png(100, 50, Color.BLUE))).get(Images.LOGO),
				100, 50);
		assertSize(byName(ImageProcessor.resize(ImagePurpose.LESSON_IMAGE, TestImages.jpeg(3200, 1000)))
			.get(Images.LESSON), 1600, 500);
	}

	@Test
	void faviconsArePngSquaresOf32And180EvenFromAJpeg() {
		Map<String, ImageProcessor.Resized> variants = byName(
				ImageProcessor.resize(ImagePurpose.FAVICON, TestImages.jpeg(300, 200)));
		assertThat(variants.get(Images.FAVICON).contentType()).isEqualTo("image/png");
		assertSize(variants.get(Images.FAVICON), 32, 32);
		assertSize(variants.get(Images.TOUCH_ICON), 180, 180);
	}

	@Test
	void webpUploadsAreDecoded() {
		for (byte[] webp : List.of(TestImages.WEBP_LOSSLESS, TestImages.WEBP_LOSSY)) {
			ImageProcessor.Inspected inspected = ImageProcessor.inspect(ImagePurpose.LESSON_IMAGE, webp);
			assertThat(inspected.contentType()).isEqualTo("image/webp");
			ImageProcessor.Resized lesson = byName(ImageProcessor.resize(ImagePurpose.LESSON_IMAGE, webp))
				.get(Images.LESSON);
			assertSize(lesson, 1, 1);
		}
	}

	@Test
	void addressesAreBuiltFromTheReference() {
		assertThat(Images.url("0123456789abcdef0123456789abcdef.png", Images.COVER))
			.isEqualTo("/media/0123456789abcdef0123456789abcdef/cover-1200.png");
		assertThat(Images.url(null, Images.COVER)).isNull();
	}

	private static ImageRefused refusal(ImagePurpose purpose, byte[] bytes) {
		try {
			ImageProcessor.resize(purpose, bytes);
		}
		catch (ImageRefused ex) {
			return ex;
		}
		throw new AssertionError("accepted");
	}

	private static Map<String, ImageProcessor.Resized> byName(List<ImageProcessor.Resized> variants) {
		return variants.stream().collect(Collectors.toMap(ImageProcessor.Resized::name, Function.identity()));
	}

	private static void assertSize(ImageProcessor.Resized variant, int width, int height) {
		assertThat(variant.width()).isEqualTo(width);
		assertThat(variant.height()).isEqualTo(height);
		var decoded = TestImages.read(variant.bytes());
		assertThat(decoded.getWidth()).isEqualTo(width);
		assertThat(decoded.getHeight()).isEqualTo(height);
	}

}
