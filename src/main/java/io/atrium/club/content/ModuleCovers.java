package io.atrium.club.content;

import io.atrium.club.internal.ContentRows;
import io.atrium.media.ImagePurpose;
import io.atrium.media.ImageRefused;
import io.atrium.media.Images;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Modules' cover images, stored by the media module ({@link ImagePurpose#MODULE_COVER}:
 * 1200 × 675 and 600 × 338); the module keeps the reference
 * ({@link ClubModule#coverUrl()}).
 */
@NamedInterface("content")
@Service
public class ModuleCovers {

	private final ClubContent content;

	private final ContentRows rows;

	private final Images images;

	ModuleCovers(ClubContent content, ContentRows rows, Images images) {
		this.content = content;
		this.rows = rows;
		this.images = images;
	}

	/**
	 * Replaces a module's cover (the previous one is deleted).
	 * @param producerAccountId the producer
	 * @param moduleId one of their modules
	 * @param bytes the uploaded image
	 * @return the module
	 * @throws io.atrium.club.ClubNotFound when it is not the producer's module
	 * @throws ImageRefused when the image is refused; nothing changes
	 */
	@Transactional
	public ClubModule setCover(long producerAccountId, long moduleId, byte[] bytes) {
		ClubModule module = this.content.module(producerAccountId, moduleId);
		String ref = this.images.store(producerAccountId, ImagePurpose.MODULE_COVER, bytes).ref();
		this.rows.moduleCover(moduleId, ref);
		this.images.delete(producerAccountId, module.coverImage());
		return this.rows.module(moduleId).orElseThrow();
	}

	/**
	 * Removes a module's cover.
	 * @throws io.atrium.club.ClubNotFound when it is not the producer's module
	 */
	@Transactional
	public void removeCover(long producerAccountId, long moduleId) {
		ClubModule module = this.content.module(producerAccountId, moduleId);
		this.rows.moduleCover(moduleId, null);
		this.images.delete(producerAccountId, module.coverImage());
	}

}
