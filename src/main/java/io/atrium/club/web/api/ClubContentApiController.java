package io.atrium.club.web.api;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.atrium.api.ApiClient;
import io.atrium.api.ApiException;
import io.atrium.api.AtriumApiController;
import io.atrium.api.IdempotentRequests;
import io.atrium.club.ClubNotFound;
import io.atrium.club.access.ContentRule;
import io.atrium.club.access.Drip;
import io.atrium.club.access.Expiration;
import io.atrium.club.access.RuleTable;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.ModuleContent;
import io.atrium.club.content.ModuleDetails;
import io.atrium.club.content.PageDetails;
import io.atrium.club.content.PageKind;
import io.atrium.club.groups.Group;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /api/v1/products/{productId}/club/...}: a product's modules and pages and, per
 * group, whether it sees each one, when it is released (drip) and when it expires. A
 * page's own rule overrides its module's; without either, content is visible, released at
 * once and never expires.
 */
@AtriumApiController
@RequestMapping("/api/v1/products/{productId}/club")
@Tag(name = "Members-area content",
		description = "Modules, pages and the per-group rules: visibility, drip and expiration")
class ClubContentApiController extends ClubApiSupport {

	private final ClubContent content;

	private final IdempotentRequests idempotent;

	ClubContentApiController(ClubContent content, IdempotentRequests idempotent) {
		this.content = content;
		this.idempotent = idempotent;
	}

	@GetMapping("/modules")
	@Operation(operationId = "listClubContent", summary = "List a product's modules with their pages",
			description = "Main modules first, then extra ones, each in order.")
	@ApiResponse(responseCode = "200", description = "The modules")
	@ApiResponse(responseCode = "404", description = "No such product of this producer")
	Map<String, List<ModuleResponse>> modules(@AuthenticationPrincipal ApiClient client, @PathVariable long productId) {
		return Map.of("items",
				this.content.content(client.producerAccountId(), productId).stream().map(ModuleResponse::of).toList());
	}

	@PostMapping("/modules")
	@Operation(operationId = "createClubModule", summary = "Add a module at the end")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "400", description = "Invalid name, or missing Idempotency-Key")
	@ApiResponse(responseCode = "404", description = "No such product of this producer")
	ResponseEntity<ModuleResponse> createModule(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@Parameter(description = "A unique value per creation (for example a UUID)") @RequestHeader(
					name = IdempotentRequests.HEADER, required = false) String key,
			@Valid @RequestBody ModuleRequest request) {
		return this.idempotent.create(client, key, request, ModuleResponse.class, () -> {
			ClubModule m = this.content.addModule(client.producerAccountId(), productId, request.details());
			return ResponseEntity.created(URI.create("/api/v1/products/" + productId + "/club/modules/" + m.id()))
				.body(ModuleResponse.of(new ModuleContent(m, List.of())));
		});
	}

	@PostMapping("/modules/{moduleId}/pages")
	@Operation(operationId = "createClubPage", summary = "Add a page at the end of a module")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "400", description = "Invalid fields, or missing Idempotency-Key")
	@ApiResponse(responseCode = "404", description = "No such module in this producer's product")
	ResponseEntity<PageResponse> createPage(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@PathVariable long moduleId,
			@Parameter(description = "A unique value per creation (for example a UUID)") @RequestHeader(
					name = IdempotentRequests.HEADER, required = false) String key,
			@Valid @RequestBody PageRequest request) {
		return this.idempotent.create(client, key, request, PageResponse.class, () -> {
			module(client, productId, moduleId);
			ClubPage p = this.content.addPage(client.producerAccountId(), moduleId, request.details());
			return ResponseEntity.created(URI.create("/api/v1/products/" + productId + "/club/pages/" + p.id()))
				.body(PageResponse.of(p));
		});
	}

	@GetMapping("/rules")
	@Operation(operationId = "getClubRuleTable", summary = "The rule of every module and page for every group",
			description = "The table the producer edits: one row per module, then its pages, with one cell per "
					+ "group (own false: a page following its module, or content nobody configured).")
	@ApiResponse(responseCode = "200", description = "The table")
	@ApiResponse(responseCode = "404", description = "No such product of this producer")
	RuleTableResponse rules(@AuthenticationPrincipal ApiClient client, @PathVariable long productId) {
		return RuleTableResponse.of(this.content.rules(client.producerAccountId(), productId));
	}

	@GetMapping("/modules/{moduleId}/rules/{groupId}")
	@Operation(operationId = "getClubModuleRule", summary = "A module's rule for a group")
	@ApiResponse(responseCode = "200", description = "The rule")
	@ApiResponse(responseCode = "404", description = "No such module or group in this producer's product")
	RuleResponse moduleRule(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@PathVariable long moduleId, @PathVariable long groupId) {
		module(client, productId, moduleId);
		return cell(this.content.rules(client.producerAccountId(), productId), "M", moduleId, groupId);
	}

	@PutMapping("/modules/{moduleId}/rules/{groupId}")
	@Operation(operationId = "putClubModuleRule", summary = "Set a module's rule for a group",
			description = "Its pages without their own rule follow it.")
	@ApiResponse(responseCode = "200", description = "The rule as saved")
	@ApiResponse(responseCode = "400", description = "Invalid rule, or a group of another product")
	@ApiResponse(responseCode = "404", description = "No such module in this producer's product")
	RuleResponse putModuleRule(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@PathVariable long moduleId, @PathVariable long groupId, @Valid @RequestBody RuleRequest request) {
		module(client, productId, moduleId);
		this.content.setModuleRule(client.producerAccountId(), groupId, moduleId, request.rule());
		return cell(this.content.rules(client.producerAccountId(), productId), "M", moduleId, groupId);
	}

	@GetMapping("/pages/{pageId}/rules/{groupId}")
	@Operation(operationId = "getClubPageRule", summary = "The rule that applies to a page for a group",
			description = "Its own rule (own true) or its module's.")
	@ApiResponse(responseCode = "200", description = "The rule")
	@ApiResponse(responseCode = "404", description = "No such page or group in this producer's product")
	RuleResponse pageRule(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@PathVariable long pageId, @PathVariable long groupId) {
		page(client, productId, pageId);
		return cell(this.content.rules(client.producerAccountId(), productId), "P", pageId, groupId);
	}

	@PutMapping("/pages/{pageId}/rules/{groupId}")
	@Operation(operationId = "putClubPageRule", summary = "Set a page's own rule for a group",
			description = "It overrides the module's rule for that group.")
	@ApiResponse(responseCode = "200", description = "The rule as saved")
	@ApiResponse(responseCode = "400",
			description = "Invalid rule, a group of another product, or a drip after a page of another product")
	@ApiResponse(responseCode = "404", description = "No such page in this producer's product")
	RuleResponse putPageRule(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@PathVariable long pageId, @PathVariable long groupId, @Valid @RequestBody RuleRequest request) {
		page(client, productId, pageId);
		this.content.setPageRule(client.producerAccountId(), groupId, pageId, request.rule());
		return cell(this.content.rules(client.producerAccountId(), productId), "P", pageId, groupId);
	}

	@DeleteMapping("/pages/{pageId}/rules/{groupId}")
	@Operation(operationId = "deleteClubPageRule", summary = "Remove a page's own rule for a group",
			description = "The page follows its module's rule again. Safe to repeat.")
	@ApiResponse(responseCode = "200", description = "The rule that applies now")
	@ApiResponse(responseCode = "404", description = "No such page in this producer's product")
	RuleResponse deletePageRule(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@PathVariable long pageId, @PathVariable long groupId) {
		page(client, productId, pageId);
		this.content.setPageRule(client.producerAccountId(), groupId, pageId, null);
		return cell(this.content.rules(client.producerAccountId(), productId), "P", pageId, groupId);
	}

	private void module(ApiClient client, long productId, long moduleId) {
		if (this.content.module(client.producerAccountId(), moduleId).productId() != productId) {
			throw new ClubNotFound("No module " + moduleId + " in product " + productId + ".");
		}
	}

	private void page(ApiClient client, long productId, long pageId) {
		if (this.content.page(client.producerAccountId(), pageId).productId() != productId) {
			throw new ClubNotFound("No page " + pageId + " in product " + productId + ".");
		}
	}

	private static RuleResponse cell(RuleTable table, String kind, long itemId, long groupId) {
		Map<Long, RuleTable.Cell> cells = table.cells().get(kind + itemId);
		RuleTable.Cell cell = (cells != null) ? cells.get(groupId) : null;
		if (cell == null) {
			throw new ClubNotFound("No group " + groupId + " in this product.");
		}
		return RuleResponse.of(groupId, cell);
	}

	/**
	 * A new module.
	 */
	@Schema(name = "ClubModuleRequest")
	record ModuleRequest(@NotNull @Schema(description = "1 to 100 characters") String name,
			@Schema(description = "An extra module, shown after the main ones; default false") Boolean extra,
			@Schema(description = "Whether students see it; default true") Boolean published) {

		ModuleDetails details() {
			return new ModuleDetails(this.name, Boolean.TRUE.equals(this.extra), !Boolean.FALSE.equals(this.published));
		}

	}

	/**
	 * A new page.
	 */
	@Schema(name = "ClubPageRequest")
	record PageRequest(@NotNull @Schema(description = "1 to 100 characters") String name, @NotNull PageKind kind,
			@Schema(description = "The text, at most 20000 characters") String body,
			@JsonProperty("media_url") @Schema(
					description = "For VIDEO and LINK pages: a full http(s) address") String mediaUrl,
			@Schema(description = "Whether students see it; default true") Boolean published) {

		PageDetails details() {
			return new PageDetails(this.name, this.kind, this.body, this.mediaUrl,
					!Boolean.FALSE.equals(this.published));
		}

	}

	/**
	 * A module with its pages.
	 */
	@Schema(name = "ClubModuleResponse")
	record ModuleResponse(long id,
			@JsonProperty("module_id") @Schema(description = "The id the compatible club API shows") String moduleId,
			@JsonProperty("product_id") long productId, String name, int position, boolean extra, boolean published,
			List<PageResponse> pages) {

		static ModuleResponse of(ModuleContent mc) {
			ClubModule m = mc.module();
			return new ModuleResponse(m.id(), m.publicId(), m.productId(), m.name(), m.position(), m.extra(),
					m.published(), mc.pages().stream().map(PageResponse::of).toList());
		}

	}

	/**
	 * A page.
	 */
	@Schema(name = "ClubPageResponse")
	record PageResponse(long id,
			@JsonProperty("page_id") @Schema(description = "The id the compatible club API shows") String pageId,
			@JsonProperty("module_id") long moduleId, String name, PageKind kind, int position, boolean published,
			@JsonProperty("password_protected") boolean passwordProtected,
			@JsonProperty("media_available") boolean mediaAvailable) {

		static PageResponse of(ClubPage p) {
			return new PageResponse(p.id(), p.publicId(), p.moduleId(), p.name(), p.kind(), p.position(), p.published(),
					p.passwordProtected(), p.mediaAvailable());
		}

	}

	/**
	 * When content is released.
	 */
	@Schema(name = "ClubDripJson")
	record DripJson(@NotNull @Schema(description = "IMMEDIATE, DAYS, DATE or AFTER_PAGE") Drip.Kind kind,
			@Schema(description = "For DAYS: 1 to 3650 days after the student's start") Integer days,
			@Schema(description = "For DATE") Instant date, @JsonProperty("after_page_id") @Schema(
					description = "For AFTER_PAGE: the page to complete first") Long afterPageId) {

		static DripJson of(Drip d) {
			return new DripJson(d.kind(), d.days(), d.date(), d.afterPageId());
		}

	}

	/**
	 * When content closes again.
	 */
	@Schema(name = "ClubExpirationJson")
	record ExpirationJson(@NotNull @Schema(description = "NEVER, DAYS or DATE") Expiration.Kind kind,
			@Schema(description = "For DAYS: 1 to 3650 days after the student's start") Integer days,
			@Schema(description = "For DATE") Instant date) {

		static ExpirationJson of(Expiration e) {
			return new ExpirationJson(e.kind(), e.days(), e.date());
		}

	}

	/**
	 * A rule to set.
	 */
	@Schema(name = "ClubRuleRequest")
	record RuleRequest(@Schema(description = "Whether the group sees the content; default true") Boolean visible,
			@Valid @Schema(description = "Default IMMEDIATE") DripJson drip,
			@Valid @Schema(description = "Default NEVER") ExpirationJson expiration) {

		ContentRule rule() {
			try {
				Drip d = (this.drip != null)
						? new Drip(this.drip.kind(), this.drip.days(), this.drip.date(), this.drip.afterPageId())
						: Drip.IMMEDIATE;
				Expiration e = (this.expiration != null)
						? new Expiration(this.expiration.kind(), this.expiration.days(), this.expiration.date())
						: Expiration.NEVER;
				return new ContentRule(!Boolean.FALSE.equals(this.visible), d, e);
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.invalidParameter(ex.getMessage());
			}
		}

	}

	/**
	 * The rule of one item for one group.
	 */
	@Schema(name = "ClubRuleResponse")
	record RuleResponse(@JsonProperty("group_id") long groupId, boolean visible, DripJson drip,
			ExpirationJson expiration,
			@Schema(description = "Whether the item has its own rule (false: inherited or default)") boolean own) {

		static RuleResponse of(long groupId, RuleTable.Cell cell) {
			ContentRule r = cell.rule();
			return new RuleResponse(groupId, r.visible(), DripJson.of(r.drip()), ExpirationJson.of(r.expiration()),
					cell.own());
		}

	}

	/**
	 * The whole table.
	 */
	@Schema(name = "ClubRuleTableResponse")
	record RuleTableResponse(List<GroupSummary> groups, List<RuleRow> rows) {

		static RuleTableResponse of(RuleTable table) {
			List<RuleRow> rows = new ArrayList<>();
			for (ModuleContent mc : table.content()) {
				rows.add(row("MODULE", mc.module().id(), mc.module().name(), null, table, "M"));
				for (ClubPage p : mc.pages()) {
					rows.add(row("PAGE", p.id(), p.name(), mc.module().id(), table, "P"));
				}
			}
			return new RuleTableResponse(table.groups().stream().map(GroupSummary::of).toList(), rows);
		}

		private static RuleRow row(String kind, long id, String name, Long moduleId, RuleTable table, String prefix) {
			Map<Long, RuleTable.Cell> cells = table.cells().get(prefix + id);
			List<RuleResponse> rules = table.groups()
				.stream()
				.map((g) -> RuleResponse.of(g.id(), cells.get(g.id())))
				.toList();
			return new RuleRow(kind, id, name, moduleId, rules);
		}

	}

	/**
	 * A group, as a column of the table.
	 */
	@Schema(name = "ClubGroupSummary")
	record GroupSummary(long id, String name, @JsonProperty("is_default") boolean isDefault) {

		static GroupSummary of(Group g) {
			return new GroupSummary(g.id(), g.name(), g.isDefault());
		}

	}

	/**
	 * A module or page with its rule for every group.
	 */
	@Schema(name = "ClubRuleRow")
	record RuleRow(@Schema(description = "MODULE or PAGE") String kind, long id, String name,
			@JsonProperty("module_id") @Schema(description = "A page's module; null for a module") Long moduleId,
			List<RuleResponse> rules) {
	}

}
