package io.atrium.club.web.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.atrium.api.ApiClient;
import io.atrium.api.AtriumApiController;
import io.atrium.api.CursorPage;
import io.atrium.api.IdempotentRequests;
import io.atrium.api.PageQuery;
import io.atrium.club.access.AccessDecision;
import io.atrium.club.access.ClubAccess;
import io.atrium.club.groups.Enrolled;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.Group;
import io.atrium.club.groups.Groups;
import io.atrium.club.groups.StudentFilter;
import io.atrium.club.groups.StudentImport;
import io.atrium.club.groups.StudentStatus;
import io.atrium.club.web.api.ClubApiQueries.StudentRow;
import io.atrium.shared.EmailAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /api/v1/products/{productId}/club/students}: a product's students, adding and
 * importing them, moving them between groups, blocking access, and the access decision
 * for a student and a page. Bulk actions change every listed student or none.
 */
@AtriumApiController
@RequestMapping("/api/v1/products/{productId}/club/students")
@Tag(name = "Members-area students",
		description = "Students of a product: list, add or import, move between groups, block, and why a page is closed")
class ClubStudentsApiController extends ClubApiSupport {

	private final Enrollments enrollments;

	private final Groups groups;

	private final ClubApiQueries queries;

	private final ClubAccess access;

	private final IdempotentRequests idempotent;

	private final Clock clock;

	ClubStudentsApiController(Enrollments enrollments, Groups groups, ClubApiQueries queries, ClubAccess access,
			IdempotentRequests idempotent, Clock clock) {
		this.enrollments = enrollments;
		this.groups = groups;
		this.queries = queries;
		this.access = access;
		this.idempotent = idempotent;
		this.clock = clock;
	}

	@GetMapping
	@Operation(operationId = "listClubStudents", summary = "List a product's students", description = "Oldest first.")
	@ApiResponse(responseCode = "200", description = "One page")
	@ApiResponse(responseCode = "404", description = "No such product of this producer")
	CursorPage<StudentResponse> list(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@Parameter(description = "Part of the name or e-mail address") @RequestParam(required = false) String query,
			@Parameter(description = "Only this group") @RequestParam(name = "group_id", required = false) Long groupId,
			@Parameter(description = "Only this status") @RequestParam(required = false) StudentStatus status,
			@Parameter(description = "Items per page, 1 to 500 (larger values are clamped)") @RequestParam(
					required = false) Integer limit,
			@Parameter(description = "The next_cursor of the previous page") @RequestParam(
					required = false) String cursor) {
		PageQuery page = PageQuery.of(limit, cursor);
		List<StudentRow> rows = this.queries.studentsOf(client.producerAccountId(), productId,
				new StudentFilter(query, groupId, status), page.after(), page.fetchSize());
		return page.page(rows, (r) -> r.enrollment().id()).map((r) -> StudentResponse.of(r, this.clock.instant()));
	}

	@GetMapping("/{studentId}")
	@Operation(operationId = "getClubStudent", summary = "Get a student")
	@ApiResponse(responseCode = "200", description = "The student with progress")
	@ApiResponse(responseCode = "404", description = "No such student in this producer's product")
	StudentResponse get(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@PathVariable long studentId) {
		return StudentResponse.of(
				this.queries.row(this.enrollments.student(client.producerAccountId(), productId, studentId)),
				this.clock.instant());
	}

	@PostMapping
	@Operation(operationId = "enrollClubStudent", summary = "Add a student without a purchase",
			description = "Creates the account when needed and sends the access e-mail to a new student. "
					+ "An existing student's group and dates are updated instead (200).")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "200", description = "An existing student, updated")
	@ApiResponse(responseCode = "400",
			description = "Invalid e-mail, group of another product, end before start, or missing Idempotency-Key")
	@ApiResponse(responseCode = "404", description = "No such product of this producer")
	ResponseEntity<EnrolledResponse> enroll(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@Parameter(description = "A unique value per request (for example a UUID); "
					+ "send the same value when retrying") @RequestHeader(name = IdempotentRequests.HEADER,
							required = false) String key,
			@Valid @RequestBody StudentRequest request) {
		return this.idempotent.create(client, key, request, EnrolledResponse.class, () -> {
			Enrolled e = this.enrollments.enroll(client.producerAccountId(), productId, request.toImport());
			EnrolledResponse body = new EnrolledResponse(e.created() ? "created" : "updated",
					StudentResponse.of(this.queries.row(e.enrollment()), this.clock.instant()));
			return e.created() ? ResponseEntity
				.created(URI.create("/api/v1/products/" + productId + "/club/students/" + e.enrollment().id()))
				.body(body) : ResponseEntity.ok(body);
		});
	}

	@PostMapping("/import")
	@Operation(operationId = "importClubStudents", summary = "Import students without a purchase",
			description = "Up to 1000 students. Each is created, updated or refused on its own; a refused row "
					+ "(invalid e-mail, group of another product, end before start) changes nothing and is "
					+ "reported with its code. New students get the access e-mail.")
	@ApiResponse(responseCode = "200", description = "One result per student, in order")
	@ApiResponse(responseCode = "400", description = "Empty or too long list, or missing Idempotency-Key")
	@ApiResponse(responseCode = "404", description = "No such product of this producer")
	ResponseEntity<ImportResponse> importStudents(@AuthenticationPrincipal ApiClient client,
			@PathVariable long productId,
			@Parameter(description = "A unique value per import (for example a UUID); "
					+ "send the same value when retrying") @RequestHeader(name = IdempotentRequests.HEADER,
							required = false) String key,
			@Valid @RequestBody ImportRequest request) {
		return this.idempotent.create(client, key, request, ImportResponse.class, () -> {
			long producer = client.producerAccountId();
			Set<Long> groupIds = this.groups.of(producer, productId)
				.stream()
				.map(Group::id)
				.collect(Collectors.toSet());
			List<ImportResult> results = new ArrayList<>();
			for (int i = 0; i < request.students().size(); i++) {
				StudentRequest s = request.students().get(i);
				ImportResult refused = refusal(i, s, groupIds, this.clock.instant());
				if (refused != null) {
					results.add(refused);
					continue;
				}
				Enrolled e = this.enrollments.enroll(producer, productId, s.toImport());
				results.add(new ImportResult(i, s.email(), e.created() ? "created" : "updated", e.enrollment().id(),
						null, null));
			}
			return ResponseEntity.ok(ImportResponse.of(results));
		});
	}

	/**
	 * The checks {@link Enrollments#enroll} makes, made first: a refusal inside the
	 * import's one transaction would roll back every other row.
	 */
	private static ImportResult refusal(int index, StudentRequest s, Set<Long> groupIds, Instant now) {
		if (s.email() == null || !EmailAddress.isValidInput(s.email().strip())) {
			return new ImportResult(index, s.email(), "refused", null, "student.email-invalid",
					"The e-mail address is not valid.");
		}
		if (s.groupId() != null && !groupIds.contains(s.groupId())) {
			return new ImportResult(index, s.email(), "refused", null, "group.other-product",
					"Group " + s.groupId() + " is not a group of this product.");
		}
		Instant start = (s.startedAt() != null) ? s.startedAt() : now;
		if (s.accessEndsAt() != null && !s.accessEndsAt().isAfter(start)) {
			return new ImportResult(index, s.email(), "refused", null, "student.end-before-start",
					"The access end must be after the start.");
		}
		return null;
	}

	@PostMapping("/move")
	@Operation(operationId = "moveClubStudents", summary = "Move students to another group",
			description = "From then on they see that group's content, comments and settings only. "
					+ "All or nothing: one student or the group not of this product refuses the whole request.")
	@ApiResponse(responseCode = "200", description = "How many moved")
	@ApiResponse(responseCode = "400",
			description = "Empty list, over 1000, a student not of the product (students.unknown) "
					+ "or a group of another product (group.other-product)")
	@ApiResponse(responseCode = "404", description = "No such product of this producer")
	BulkResult move(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@Valid @RequestBody MoveRequest request) {
		return new BulkResult(
				this.enrollments.move(client.producerAccountId(), productId, request.studentIds(), request.groupId()));
	}

	@PostMapping("/block")
	@Operation(operationId = "blockClubStudents", summary = "Block students' access",
			description = "All or nothing, like move.")
	@ApiResponse(responseCode = "200", description = "How many changed")
	@ApiResponse(responseCode = "400", description = "Empty list, over 1000, or a student not of the product")
	@ApiResponse(responseCode = "404", description = "No such product of this producer")
	BulkResult block(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@Valid @RequestBody StudentsRequest request) {
		return new BulkResult(
				this.enrollments.block(client.producerAccountId(), productId, request.studentIds(), true));
	}

	@PostMapping("/unblock")
	@Operation(operationId = "unblockClubStudents", summary = "Give blocked students their access back",
			description = "All or nothing, like move.")
	@ApiResponse(responseCode = "200", description = "How many changed")
	@ApiResponse(responseCode = "400", description = "Empty list, over 1000, or a student not of the product")
	@ApiResponse(responseCode = "404", description = "No such product of this producer")
	BulkResult unblock(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@Valid @RequestBody StudentsRequest request) {
		return new BulkResult(
				this.enrollments.block(client.producerAccountId(), productId, request.studentIds(), false));
	}

	@GetMapping("/{studentId}/access")
	@Operation(operationId = "explainClubAccess", summary = "Can this student open this page now, and why not?",
			description = "The same decision the student's own pages use. Reasons come in a fixed order: "
					+ "NOT_ENROLLED, BLOCKED_BY_PRODUCER, ACCESS_PERIOD_ENDED, PURCHASE_REFUNDED, "
					+ "PURCHASE_CHARGED_BACK, SUBSCRIPTION_OVERDUE, SUBSCRIPTION_CANCELLED, SUBSCRIPTION_INACTIVE, "
					+ "NOT_IN_GROUP, NOT_RELEASED_YET, EXPIRED, "
					+ "UNPUBLISHED, MEDIA_UNAVAILABLE, PASSWORD_REQUIRED (the producer's view never has the "
					+ "student's session, so a password-protected page always lists PASSWORD_REQUIRED). A student "
					+ "with subscriptions of the product needs one of them to give access now; when none does, "
					+ "SUBSCRIPTION_OVERDUE (one has an unpaid charge), SUBSCRIPTION_CANCELLED (one was cancelled "
					+ "and its paid period is over) or SUBSCRIPTION_INACTIVE (any other) say why.")
	@ApiResponse(responseCode = "200", description = "The decision")
	@ApiResponse(responseCode = "404", description = "No such student or page in this producer's product")
	AccessResponse explain(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@PathVariable long studentId,
			@Parameter(description = "The page's id") @RequestParam(name = "page_id") long pageId) {
		this.enrollments.student(client.producerAccountId(), productId, studentId);
		return AccessResponse.of(this.access.explain(client.producerAccountId(), studentId, pageId));
	}

	/**
	 * A student to add.
	 */
	@Schema(name = "ClubStudentRequest")
	record StudentRequest(
			@Schema(description = "The student's e-mail address", example = "ana@example.com") String email,
			@Schema(description = "Used when the account is created; default the address's local part") String name,
			@JsonProperty("group_id") @Schema(description = "Default: the product's default group") Long groupId,
			@JsonProperty("started_at") @Schema(
					description = "The original purchase or start date, the base of drips in days; default now") Instant startedAt,
			@JsonProperty("access_ends_at") @Schema(
					description = "When access ends; default never") Instant accessEndsAt) {

		StudentImport toImport() {
			return new StudentImport(this.email, this.name, this.groupId, this.startedAt, this.accessEndsAt);
		}

	}

	/**
	 * Students to import.
	 */
	@Schema(name = "ClubImportRequest")
	record ImportRequest(@NotEmpty @Size(max = 1000) @Valid List<StudentRequest> students) {
	}

	/**
	 * The outcome of adding one student.
	 */
	@Schema(name = "ClubEnrolledResponse")
	record EnrolledResponse(@Schema(description = "created or updated") String result, StudentResponse student) {
	}

	/**
	 * The outcome of an import.
	 */
	@Schema(name = "ClubImportResponse")
	record ImportResponse(int created, int updated, int refused, List<ImportResult> results) {

		static ImportResponse of(List<ImportResult> results) {
			return new ImportResponse(count(results, "created"), count(results, "updated"), count(results, "refused"),
					results);
		}

		private static int count(List<ImportResult> results, String result) {
			return (int) results.stream().filter((r) -> r.result().equals(result)).count();
		}

	}

	/**
	 * One imported student's outcome.
	 */
	@Schema(name = "ClubImportResult")
	record ImportResult(@Schema(description = "Its place in the request, from 0") int index, String email,
			@Schema(description = "created, updated or refused") String result,
			@JsonProperty("student_id") Long studentId,
			@Schema(description = "Why it was refused, for example student.email-invalid") String error,
			String message) {
	}

	/**
	 * Students to change.
	 */
	@Schema(name = "ClubStudentsRequest")
	record StudentsRequest(@JsonProperty("student_ids") @NotEmpty @Size(max = 1000) List<Long> studentIds) {
	}

	/**
	 * Students to move and where.
	 */
	@Schema(name = "ClubMoveRequest")
	record MoveRequest(@JsonProperty("student_ids") @NotEmpty @Size(max = 1000) List<Long> studentIds,
			@JsonProperty("group_id") @NotNull Long groupId) {
	}

	/**
	 * How many students a bulk action changed.
	 */
	@Schema(name = "ClubBulkResult")
	record BulkResult(int changed) {
	}

	/**
	 * A student.
	 */
	@Schema(name = "ClubStudentResponse")
	record StudentResponse(long id,
			@JsonProperty("user_id") @Schema(description = "The id the compatible club API shows") String userId,
			@JsonProperty("product_id") long productId, String email, String name,
			@JsonProperty("group_id") long groupId, StudentStatus status,
			@Schema(description = "BUYER or IMPORTED") String source, boolean blocked,
			@JsonProperty("started_at") Instant startedAt, @JsonProperty("access_ends_at") Instant accessEndsAt,
			@JsonProperty("first_access_at") Instant firstAccessAt,
			@JsonProperty("last_access_at") Instant lastAccessAt, @JsonProperty("access_count") int accessCount,
			String transaction, ProgressResponse progress) {

		static StudentResponse of(StudentRow r, Instant now) {
			var e = r.enrollment();
			return new StudentResponse(e.id(), e.publicId(), e.productId(), e.email(), e.name(), e.groupId(),
					e.status(now), e.source().name(), e.blocked(), e.startedAt(), e.accessEndsAt(), e.firstAccessAt(),
					e.lastAccessAt(), e.accessCount(), e.transaction(),
					new ProgressResponse(r.completed(), r.total(), r.percent()));
		}

	}

	/**
	 * Pages completed among those the student sees.
	 */
	@Schema(name = "ClubProgressResponse")
	record ProgressResponse(int completed, int total, int percent) {
	}

	/**
	 * An access decision.
	 */
	@Schema(name = "ClubAccessResponse")
	record AccessResponse(boolean allowed, List<Reason> reasons) {

		static AccessResponse of(AccessDecision d) {
			return new AccessResponse(d.allowed(),
					d.denials()
						.stream()
						.map((x) -> new Reason(x.reason().name(), x.date(), x.prerequisitePageId()))
						.toList());
		}

	}

	/**
	 * One reason a page is closed.
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	@Schema(name = "ClubReason")
	record Reason(String reason,
			@Schema(description = "The release date (NOT_RELEASED_YET), expiry (EXPIRED), access end "
					+ "(ACCESS_PERIOD_ENDED, SUBSCRIPTION_CANCELLED) or the first unpaid due date "
					+ "(SUBSCRIPTION_OVERDUE); null otherwise") Instant date,
			@JsonProperty("prerequisite_page_id") @Schema(
					description = "For a page released after another is completed, that page") Long prerequisitePageId) {
	}

}
