package io.atrium.club.web.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.atrium.api.ApiClient;
import io.atrium.api.ApiException;
import io.atrium.api.CompatibleApiController;
import io.atrium.api.CompatiblePages;
import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import io.atrium.club.content.ClubArea;
import io.atrium.club.web.api.ClubApiQueries.ModulePages;
import io.atrium.club.web.api.ClubApiQueries.StudentRow;
import io.atrium.club.web.api.CompatibleClubJson.LegacyPageItem;
import io.atrium.club.web.api.CompatibleClubJson.Lesson;
import io.atrium.club.web.api.CompatibleClubJson.ModuleItem;
import io.atrium.club.web.api.CompatibleClubJson.PageItem;
import io.atrium.club.web.api.CompatibleClubJson.ProgressItem;
import io.atrium.club.web.api.CompatibleClubJson.UserItem;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Hotmart-compatible club API (hotmart-api.md §6) with the aliases widely used
 * clients call. The club is per producer: {@code subdomain} names the caller's members
 * area and the answers cover every product in it ({@code product_id} narrows them where
 * it is accepted). A subdomain of another producer is answered exactly like an unknown
 * one, 404 {@code not_found}; a missing {@code subdomain} or {@code product_id} 422.
 */
@CompatibleApiController
@Hidden
class CompatibleClubController {

	private final ClubApiQueries club;

	private final Clock clock;

	CompatibleClubController(ClubApiQueries club, Clock clock) {
		this.club = club;
		this.clock = clock;
	}

	@GetMapping("/club/api/v1/modules")
	List<ModuleItem> modules(@AuthenticationPrincipal ApiClient client,
			@RequestParam(required = false) String subdomain,
			@RequestParam(name = "is_extra", required = false) String isExtraText,
			@RequestParam(name = "product_id", required = false) Long productId) {
		area(client, subdomain);
		// a value that is not a boolean means the default, as if it were absent (all
		// modules)
		String text = (isExtraText != null) ? isExtraText.strip() : "";
		Boolean isExtra = text.equalsIgnoreCase("true") ? Boolean.TRUE
				: text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
		return compatible(() -> this.club.modules(client.producerAccountId(), productId)).stream()
			.filter((m) -> isExtra == null || m.module().extra() == isExtra)
			.map(ModuleItem::of)
			.toList();
	}

	@GetMapping("/club/api/v2/modules/{moduleId}/pages")
	List<PageItem> pages(@AuthenticationPrincipal ApiClient client, @PathVariable String moduleId,
			@RequestParam(name = "product_id", required = false) Long productId) {
		if (productId == null) {
			throw unprocessable("product_id");
		}
		ModulePages pages = compatible(() -> this.club.pages(client.producerAccountId(), moduleId));
		if (pages.module().productId() != productId) {
			throw ApiException.notFound("No module " + moduleId + " in product " + productId + ".");
		}
		return pages.pages().stream().map(PageItem::of).toList();
	}

	@GetMapping("/club/api/v1/pages")
	List<PageItem> pagesAlias(@AuthenticationPrincipal ApiClient client,
			@RequestParam(required = false) String subdomain,
			@RequestParam(name = "module_id", required = false) String moduleId) {
		area(client, subdomain);
		if (moduleId == null || moduleId.isBlank()) {
			throw unprocessable("module_id");
		}
		return compatible(() -> this.club.pages(client.producerAccountId(), moduleId)).pages()
			.stream()
			.map(PageItem::of)
			.toList();
	}

	@GetMapping("/club/api/v1/modules/{moduleId}/pages")
	List<LegacyPageItem> legacyPages(@AuthenticationPrincipal ApiClient client, @PathVariable String moduleId,
			@RequestParam(required = false) String subdomain) {
		area(client, subdomain);
		ModulePages pages = compatible(() -> this.club.pages(client.producerAccountId(), moduleId));
		return pages.pages().stream().map((p) -> LegacyPageItem.of(pages.module(), p)).toList();
	}

	@GetMapping("/club/api/v1/users")
	CompatiblePages.Page<UserItem> users(@AuthenticationPrincipal ApiClient client,
			@RequestParam(required = false) String subdomain, @RequestParam(required = false) String email,
			@RequestParam(name = "product_id", required = false) Long productId,
			@RequestParam(name = "max_results", required = false) Integer maxResults,
			@RequestParam(name = "page_token", required = false) String pageToken) {
		area(client, subdomain);
		CompatiblePages.Request page = CompatiblePages.Request.of(maxResults, pageToken);
		ClubApiQueries.StudentRows rows = this.club.students(client.producerAccountId(), email, productId,
				page.offset(), page.fetch());
		return page.page(rows.rows(), (r) -> UserItem.of(r, this.clock.instant()), rows.total());
	}

	@GetMapping("/club/api/v1/students")
	List<UserItem> studentsAlias(@AuthenticationPrincipal ApiClient client,
			@RequestParam(required = false) String subdomain, @RequestParam(required = false) String email,
			@RequestParam(name = "product_id", required = false) Long productId) {
		area(client, subdomain);
		List<UserItem> all = new ArrayList<>();
		int offset = 0;
		List<StudentRow> batch;
		do {
			batch = this.club.students(client.producerAccountId(), email, productId, offset, CompatiblePages.MAX)
				.rows();
			batch.forEach((r) -> all.add(UserItem.of(r, this.clock.instant())));
			offset += batch.size();
		}
		while (batch.size() == CompatiblePages.MAX);
		return all;
	}

	@GetMapping("/club/api/v1/users/{userId}/lessons")
	Map<String, List<Lesson>> lessons(@AuthenticationPrincipal ApiClient client, @PathVariable String userId,
			@RequestParam(required = false) String subdomain) {
		area(client, subdomain);
		StudentRow student = compatible(() -> this.club.student(client.producerAccountId(), userId));
		return Map.of("lessons", Lesson.of(student));
	}

	@GetMapping("/club/api/v1/students/progress")
	List<ProgressItem> progressAlias(@AuthenticationPrincipal ApiClient client,
			@RequestParam(required = false) String subdomain,
			@RequestParam(name = "student_email", required = false) String studentEmail) {
		area(client, subdomain);
		if (studentEmail == null || studentEmail.isBlank()) {
			throw unprocessable("student_email");
		}
		List<ProgressItem> items = new ArrayList<>();
		for (StudentRow student : this.club.studentsByEmail(client.producerAccountId(), studentEmail)) {
			Lesson.of(student).forEach((l) -> items.add(ProgressItem.of(student, l)));
		}
		return items;
	}

	private ClubArea area(ApiClient client, String subdomain) {
		if (subdomain == null || subdomain.isBlank()) {
			throw unprocessable("subdomain");
		}
		return compatible(() -> this.club.area(client.producerAccountId(), subdomain));
	}

	private static ApiException unprocessable(String parameter) {
		return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_parameter",
				"The request was unacceptable: the query parameter " + parameter + " is required.");
	}

	static <T> T compatible(Supplier<T> work) {
		try {
			return work.get();
		}
		catch (ClubNotFound ex) {
			throw ApiException.notFound(ex.getMessage());
		}
		catch (ClubRefused ex) {
			throw ApiException.invalidParameter(ex.getMessage());
		}
	}

}
