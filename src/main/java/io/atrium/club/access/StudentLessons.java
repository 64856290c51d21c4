package io.atrium.club.access;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.atrium.club.ClubRefused;
import io.atrium.club.content.ClubArea;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.PageAttachment;
import io.atrium.club.content.PageFile;
import io.atrium.club.internal.ContentRows;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The student's way into one producer's members area: the products there, a course
 * outline and a page, each only when the student is enrolled and the page is listed for
 * the student's group (published and visible); otherwise nothing, so the pages answer
 * "not found" and never tell that content exists. Every decision comes from
 * {@link ClubAccess}.
 */
@Service
public class StudentLessons {

	private final ClubAccess access;

	private final ContentRows content;

	StudentLessons(ClubAccess access, ContentRows content) {
		this.access = access;
		this.content = content;
	}

	/**
	 * @param accountId a student
	 * @param area a members area
	 * @return the student's products in that area (access ended or not)
	 */
	@Transactional(readOnly = true)
	public List<StudentCourse> inArea(long accountId, ClubArea area) {
		return this.access.myProducts(accountId)
			.stream()
			.filter((c) -> c.area().producerAccountId() == area.producerAccountId())
			.toList();
	}

	/**
	 * @param accountId a student
	 * @param area the members area of the address
	 * @param productId a product
	 * @param unlockedPages pages whose password the student typed in this session
	 * @return the outline, empty when the student is not enrolled in that product of that
	 * area
	 */
	@Transactional(readOnly = true)
	public Optional<StudentCourse> course(long accountId, ClubArea area, long productId, Set<Long> unlockedPages) {
		return this.access.course(accountId, productId, unlockedPages)
			.filter((c) -> c.area().producerAccountId() == area.producerAccountId());
	}

	/**
	 * @param accountId a student
	 * @param area the members area of the address
	 * @param pagePublicId the page's public id
	 * @param unlockedPages pages whose password the student typed in this session
	 * @return the page in its course, empty when there is no such page in the area, the
	 * student is not enrolled, or the page is not listed for the student (unpublished, or
	 * not for the student's group)
	 */
	@Transactional(readOnly = true)
	public Optional<StudentLesson> lesson(long accountId, ClubArea area, String pagePublicId, Set<Long> unlockedPages) {
		Optional<ClubPage> page = (pagePublicId != null) ? this.content.pageByPublicId(pagePublicId) : Optional.empty();
		if (page.isEmpty()) {
			return Optional.empty();
		}
		long pageId = page.get().id();
		return course(accountId, area, page.get().productId(), unlockedPages).flatMap((course) -> {
			for (StudentCourse.Module m : course.modules()) {
				for (LessonState l : m.lessons()) {
					if (l.page().id() == pageId) {
						return Optional.of(new StudentLesson(course, m, l,
								course.previousOpenable(pageId).map(LessonState::page).orElse(null),
								course.nextOpenable(pageId).map(LessonState::page).orElse(null)));
					}
				}
			}
			return Optional.empty();
		});
	}

	/**
	 * The file of a file page, under the same decision as the page.
	 * @param accountId the student
	 * @param pageId the page's internal id
	 * @param unlockedPages pages whose password the student typed in this session
	 * @return the file, empty when the page has none
	 * @throws ClubRefused when the student cannot open the page now
	 */
	@Transactional(readOnly = true)
	public Optional<PageFile> file(long accountId, long pageId, Set<Long> unlockedPages) {
		if (!this.access.decide(accountId, pageId, unlockedPages).allowed()) {
			throw new ClubRefused("pageId", "page.closed", "You cannot open this page now.");
		}
		return this.content.file(pageId).map((f) -> new PageFile(f.fileName(), f.contentType(), f.bytes()));
	}

	/**
	 * @param pageId the page's internal id
	 * @return the files attached to the page, without their bytes (the page decides
	 * whether they are shown)
	 */
	@Transactional(readOnly = true)
	public List<PageAttachment> attachments(long pageId) {
		return this.content.attachments(pageId);
	}

	/**
	 * A file attached to a page, under the same decision as the page.
	 * @param accountId the student
	 * @param pageId the page's internal id
	 * @param attachmentId the attachment
	 * @param unlockedPages pages whose password the student typed in this session
	 * @return the file, empty when the page has no such attachment
	 * @throws ClubRefused when the student cannot open the page now
	 */
	@Transactional(readOnly = true)
	public Optional<PageFile> attachment(long accountId, long pageId, long attachmentId, Set<Long> unlockedPages) {
		if (!this.access.decide(accountId, pageId, unlockedPages).allowed()) {
			throw new ClubRefused("pageId", "page.closed", "You cannot open this page now.");
		}
		return this.content.attachment(pageId, attachmentId)
			.map((f) -> new PageFile(f.fileName(), f.contentType(), f.bytes()));
	}

	/**
	 * Remembers the page as the one the student opened last in its product.
	 */
	@Transactional
	public void opened(long accountId, ClubPage page) {
		this.access.recordOpened(accountId, page);
	}

}
