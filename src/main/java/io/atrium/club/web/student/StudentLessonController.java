package io.atrium.club.web.student;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.atrium.accounts.SignedInAccount;
import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import io.atrium.club.access.ClubAccess;
import io.atrium.club.access.StudentCourse;
import io.atrium.club.access.StudentLesson;
import io.atrium.club.access.StudentLessons;
import io.atrium.club.comments.Comments;
import io.atrium.club.content.ClubAreas;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.LessonText;
import io.atrium.club.content.PageKind;
import io.atrium.club.content.PageFile;
import io.atrium.media.Branding;
import io.atrium.platform.Dates;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A page of a course as the student sees it ({@code /club/{subdomain}/pages/{pageId}}):
 * its content only when the access decision allows it, the password form when only the
 * password is missing, otherwise every reason with 403; pages the student's group does
 * not see, unpublished pages and other products' pages answer 404. Also: the page's
 * password (wrong guesses limited by {@link PagePasswordAttempts}), "mark as done",
 * comments, the file page's download and the lesson's attachments, each download under
 * the page's decision. Opening a page the student may see remembers it for "continue
 * where you left off".
 */
@Controller
class StudentLessonController {

	private static final String PAGE = StudentClubController.AREA + "/pages/{pageId}";

	private final ClubAreas areas;

	private final ClubAccess access;

	private final StudentLessons lessons;

	private final Comments comments;

	private final StudentCommentViews commentViews;

	private final StudentViews views;

	private final MessageSource messages;

	private final PagePasswordAttempts attempts;

	private final Branding branding;

	StudentLessonController(ClubAreas areas, ClubAccess access, StudentLessons lessons, Comments comments,
			StudentCommentViews commentViews, StudentViews views, MessageSource messages, PagePasswordAttempts attempts,
			Branding branding) {
		this.branding = branding;
		this.commentViews = commentViews;
		this.attempts = attempts;
		this.areas = areas;
		this.access = access;
		this.lessons = lessons;
		this.comments = comments;
		this.views = views;
		this.messages = messages;
	}

	@GetMapping(PAGE)
	String page(@AuthenticationPrincipal SignedInAccount me, @PathVariable String subdomain,
			@PathVariable String pageId, @RequestParam(name = "comments", defaultValue = "0") int commentsShown,
			HttpSession session, Model model, Locale locale, HttpServletResponse response) throws IOException {
		Optional<StudentLesson> lesson = find(me, subdomain, pageId, session);
		if (lesson.isEmpty()) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return null;
		}
		model.addAttribute("commentsShown", commentsShown);
		return show(me, lesson.get(), model, locale, response);
	}

	@PostMapping(PAGE + "/password")
	String password(@AuthenticationPrincipal SignedInAccount me, @PathVariable String subdomain,
			@PathVariable String pageId, @RequestParam(defaultValue = "") String password, HttpSession session,
			Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) throws IOException {
		Optional<StudentLesson> lesson = find(me, subdomain, pageId, session);
		if (lesson.isEmpty()) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return null;
		}
		ClubPage page = lesson.get().lesson().page();
		long student = me.accountId().value();
		Duration wait = this.attempts.waitFor(student, page.id(), request.getRemoteAddr());
		if (!wait.isZero()) {
			long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			model.addAttribute("passwordError", true);
			model.addAttribute("passwordWaitMinutes", Math.max(1, (seconds + 59) / 60));
			return show(me, lesson.get(), model, locale, response);
		}
		if (page.passwordProtected() && this.access.unlock(page.id(), password)) {
			UnlockedPages.add(session, page.id());
			return "redirect:" + StudentViews.pagePath(lesson.get().course(), page);
		}
		this.attempts.recordFailure(student, page.id(), request.getRemoteAddr());
		model.addAttribute("passwordError", true);
		return show(me, lesson.get(), model, locale, response);
	}

	@PostMapping(PAGE + "/done")
	String done(@AuthenticationPrincipal SignedInAccount me, @PathVariable String subdomain,
			@PathVariable String pageId, HttpSession session, Locale locale, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		return act(me, subdomain, pageId, session, locale, redirect, response, (lesson) -> {
			this.access.complete(me.accountId().value(), lesson.lesson().page().id(), UnlockedPages.of(session));
			redirect.addFlashAttribute("notice", "club.student.page.marked-done");
		});
	}

	@PostMapping(PAGE + "/undone")
	String undone(@AuthenticationPrincipal SignedInAccount me, @PathVariable String subdomain,
			@PathVariable String pageId, HttpSession session, Locale locale, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		return act(me, subdomain, pageId, session, locale, redirect, response, (lesson) -> {
			this.access.undo(me.accountId().value(), lesson.lesson().page().id());
			redirect.addFlashAttribute("notice", "club.student.page.marked-not-done");
		});
	}

	@PostMapping(PAGE + "/comments")
	String comment(@AuthenticationPrincipal SignedInAccount me, @PathVariable String subdomain,
			@PathVariable String pageId, @RequestParam(defaultValue = "") String body, HttpSession session,
			Locale locale, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		redirect.addFlashAttribute("commentBody", body);
		return act(me, subdomain, pageId, session, locale, redirect, response, (lesson) -> {
			this.comments.post(me.accountId().value(), lesson.lesson().page().id(), body, UnlockedPages.of(session));
			redirect.addFlashAttribute("commentBody", "");
			redirect.addFlashAttribute("notice", "club.student.comments.posted");
		});
	}

	@PostMapping(PAGE + "/comments/{commentId}/replies")
	String reply(@AuthenticationPrincipal SignedInAccount me, @PathVariable String subdomain,
			@PathVariable String pageId, @PathVariable long commentId, @RequestParam(defaultValue = "") String body,
			HttpSession session, Locale locale, RedirectAttributes redirect, HttpServletResponse response)
			throws IOException {
		redirect.addFlashAttribute("replyTo", commentId);
		redirect.addFlashAttribute("replyBody", body);
		try {
			String back = act(me, subdomain, pageId, session, locale, redirect, response, (lesson) -> {
				this.comments.reply(me.accountId().value(), lesson.lesson().page().id(), commentId, body,
						UnlockedPages.of(session));
				redirect.addFlashAttribute("replyBody", "");
				redirect.addFlashAttribute("notice", "comments.reply.posted");
			});
			return (back != null) ? back + "#comment-" + commentId : null;
		}
		catch (ClubNotFound ex) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return null;
		}
	}

	@GetMapping(PAGE + "/file")
	ResponseEntity<byte[]> file(@AuthenticationPrincipal SignedInAccount me, @PathVariable String subdomain,
			@PathVariable String pageId, HttpSession session) {
		Optional<StudentLesson> lesson = find(me, subdomain, pageId, session);
		if (lesson.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		PageFile file;
		try {
			file = this.lessons
				.file(me.accountId().value(), lesson.get().lesson().page().id(), UnlockedPages.of(session))
				.orElse(null);
		}
		catch (ClubRefused ex) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		if (file == null) {
			return ResponseEntity.notFound().build();
		}
		return download(file);
	}

	@GetMapping(PAGE + "/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@AuthenticationPrincipal SignedInAccount me, @PathVariable String subdomain,
			@PathVariable String pageId, @PathVariable long attachmentId, HttpSession session) {
		Optional<StudentLesson> lesson = find(me, subdomain, pageId, session);
		if (lesson.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		try {
			return this.lessons
				.attachment(me.accountId().value(), lesson.get().lesson().page().id(), attachmentId,
						UnlockedPages.of(session))
				.map(StudentLessonController::download)
				.orElseGet(() -> ResponseEntity.notFound().build());
		}
		catch (ClubRefused ex) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
	}

	private static ResponseEntity<byte[]> download(PageFile file) {
		return ResponseEntity.ok()
			.contentType(mediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.header("X-Content-Type-Options", "nosniff")
			.body(file.bytes());
	}

	private Optional<StudentLesson> find(SignedInAccount me, String subdomain, String pageId, HttpSession session) {
		return this.areas.bySubdomain(subdomain)
			.flatMap((area) -> this.lessons.lesson(me.accountId().value(), area, pageId, UnlockedPages.of(session)));
	}

	private String act(SignedInAccount me, String subdomain, String pageId, HttpSession session, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response, Action action) throws IOException {
		Optional<StudentLesson> lesson = find(me, subdomain, pageId, session);
		if (lesson.isEmpty()) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return null;
		}
		try {
			action.run(lesson.get());
		}
		catch (ClubRefused ex) {
			redirect.addFlashAttribute("problem", this.messages.getMessage(ex.messageKey(), ex.args(), locale));
		}
		return "redirect:" + StudentViews.pagePath(lesson.get().course(), lesson.get().lesson().page());
	}

	private String show(SignedInAccount me, StudentLesson lesson, Model model, Locale locale,
			HttpServletResponse response) {
		ClubPage page = lesson.lesson().page();
		StudentCourse course = lesson.course();
		model.addAttribute("brand", this.branding.forProducer(course.area().producerAccountId()).orElse(null));
		model.addAttribute("lesson", lesson);
		model.addAttribute("page", page);
		// one lookup for every date on the page
		ZoneId zone = this.views.zone(course);
		model.addAttribute("card", this.views.card(course, zone, locale));
		model.addAttribute("modules", this.views.modules(course, page.id(), zone, locale));
		model.addAttribute("outlineUrl", StudentViews.outlinePath(course));
		model.addAttribute("pageUrl", StudentViews.pagePath(course, page));
		model.addAttribute("previousUrl",
				(lesson.previous() != null) ? StudentViews.pagePath(course, lesson.previous()) : null);
		model.addAttribute("nextUrl", (lesson.next() != null) ? StudentViews.pagePath(course, lesson.next()) : null);
		if (lesson.lesson().decision().allowed()) {
			this.lessons.opened(me.accountId().value(), page);
			model.addAttribute("state", "open");
			model.addAttribute("lessonWarning", this.views.lessonWarning(course, lesson.lesson(), zone, locale));
			model.addAttribute("bodyHtml", LessonText.html(page.body()));
			model.addAttribute("embedUrl", (page.kind() == PageKind.VIDEO) ? VideoEmbed.of(page.mediaUrl()) : null);
			model.addAttribute("fileUrl", StudentViews.pagePath(course, page) + "/file");
			model.addAttribute("attachments",
					this.lessons.attachments(page.id())
						.stream()
						.map((a) -> new AttachmentLine(a.fileName(), FileSizes.show(a.size(), locale),
								StudentViews.pagePath(course, page) + "/attachments/" + a.id()))
						.toList());
			Object shown = model.getAttribute("commentsShown");
			model.addAttribute("comments", this.commentViews.of(me.accountId().value(), page.id(),
					(shown instanceof Integer n) ? n : 0, zone, locale));
			return "club/student/page";
		}
		if (lesson.lesson().decision().onlyNeedsPassword()) {
			model.addAttribute("state", "password");
			return "club/student/page";
		}
		model.addAttribute("state", "locked");
		model.addAttribute("reasons", this.views.reasons(course, lesson.lesson(), zone, locale));
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		return "club/student/page";
	}

	static List<String> paragraphs(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.replace("\r\n", "\n").split("\n\\s*\n"))
			.map(String::strip)
			.filter((p) -> !p.isEmpty())
			.toList();
	}

	private static MediaType mediaType(String contentType) {
		try {
			return MediaType.parseMediaType(contentType);
		}
		catch (RuntimeException ex) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
	}

	@FunctionalInterface
	private interface Action {

		void run(StudentLesson lesson);

	}

	/**
	 * A file attached to the lesson, as the page lists it.
	 */
	record AttachmentLine(String name, String size, String url) {
	}

}
