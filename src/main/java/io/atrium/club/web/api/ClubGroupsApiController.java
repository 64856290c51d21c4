package io.atrium.club.web.api;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.atrium.api.ApiClient;
import io.atrium.api.AtriumApiController;
import io.atrium.api.CursorPage;
import io.atrium.api.IdempotentRequests;
import io.atrium.catalog.Offer;
import io.atrium.club.ClubNotFound;
import io.atrium.club.groups.Group;
import io.atrium.club.groups.Groups;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /api/v1/products/{productId}/club/groups}: a product's members-area groups and
 * the offers linked to them.
 */
@AtriumApiController
@RequestMapping("/api/v1/products/{productId}/club/groups")
@Tag(name = "Members-area groups",
		description = "Groups of a product's students, the default group, and the offers whose buyers join each group")
class ClubGroupsApiController extends ClubApiSupport {

	private final Groups groups;

	private final IdempotentRequests idempotent;

	ClubGroupsApiController(Groups groups, IdempotentRequests idempotent) {
		this.groups = groups;
		this.idempotent = idempotent;
	}

	@GetMapping
	@Operation(operationId = "listClubGroups", summary = "List a product's groups",
			description = "The default group first, then by name; one page holds them all.")
	@ApiResponse(responseCode = "200", description = "The groups")
	@ApiResponse(responseCode = "404", description = "No such product of this producer")
	CursorPage<GroupResponse> list(@AuthenticationPrincipal ApiClient client, @PathVariable long productId) {
		long producer = client.producerAccountId();
		return new CursorPage<>(this.groups.of(producer, productId).stream().map((g) -> response(producer, g)).toList(),
				null);
	}

	@GetMapping("/{groupId}")
	@Operation(operationId = "getClubGroup", summary = "Get a group")
	@ApiResponse(responseCode = "200", description = "The group")
	@ApiResponse(responseCode = "404", description = "No such group in this producer's product")
	GroupResponse get(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@PathVariable long groupId) {
		return response(client.producerAccountId(), group(client, productId, groupId));
	}

	@PostMapping
	@Operation(operationId = "createClubGroup", summary = "Create a group",
			description = "With is_default true the new group becomes the product's default group.")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "400", description = "Invalid name, or missing Idempotency-Key")
	@ApiResponse(responseCode = "404", description = "No such product of this producer")
	@ApiResponse(responseCode = "409", description = "The product already has a group of that name")
	ResponseEntity<GroupResponse> create(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@Parameter(description = "A unique value per creation (for example a UUID); "
					+ "send the same value when retrying") @RequestHeader(name = IdempotentRequests.HEADER,
							required = false) String key,
			@Valid @RequestBody GroupRequest request) {
		return this.idempotent.create(client, key, request, GroupResponse.class, () -> {
			Group g = this.groups.create(client.producerAccountId(), productId, request.name(),
					Boolean.TRUE.equals(request.isDefault()));
			return ResponseEntity.created(URI.create("/api/v1/products/" + productId + "/club/groups/" + g.id()))
				.body(response(client.producerAccountId(), g));
		});
	}

	@PatchMapping("/{groupId}")
	@Operation(operationId = "renameClubGroup", summary = "Rename a group")
	@ApiResponse(responseCode = "200", description = "The group as saved")
	@ApiResponse(responseCode = "400", description = "Invalid name")
	@ApiResponse(responseCode = "404", description = "No such group in this producer's product")
	@ApiResponse(responseCode = "409", description = "The product already has a group of that name")
	GroupResponse rename(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@PathVariable long groupId, @Valid @RequestBody GroupRename request) {
		group(client, productId, groupId);
		return response(client.producerAccountId(),
				this.groups.rename(client.producerAccountId(), groupId, request.name()));
	}

	@PostMapping("/{groupId}/default")
	@Operation(operationId = "makeClubGroupDefault", summary = "Make a group the product's default",
			description = "Buyers of offers linked to no group join it from now on; the previous default "
					+ "stops being default. Safe to repeat.")
	@ApiResponse(responseCode = "200", description = "The group, now default")
	@ApiResponse(responseCode = "404", description = "No such group in this producer's product")
	GroupResponse makeDefault(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@PathVariable long groupId) {
		group(client, productId, groupId);
		return response(client.producerAccountId(), this.groups.makeDefault(client.producerAccountId(), groupId));
	}

	@DeleteMapping("/{groupId}")
	@Operation(operationId = "deleteClubGroup", summary = "Delete a group",
			description = "Its students move to the default group (losing content only the deleted group had), "
					+ "its offers are unlinked and its rules deleted. The default group cannot be deleted.")
	@ApiResponse(responseCode = "200", description = "Deleted, with how many students moved")
	@ApiResponse(responseCode = "404", description = "No such group in this producer's product")
	@ApiResponse(responseCode = "409", description = "It is the default group (group.default-not-deletable)")
	DeletedGroup delete(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@PathVariable long groupId) {
		group(client, productId, groupId);
		return new DeletedGroup(groupId, this.groups.delete(client.producerAccountId(), groupId));
	}

	@GetMapping("/{groupId}/offers")
	@Operation(operationId = "listClubGroupOffers", summary = "List the offers linked to a group")
	@ApiResponse(responseCode = "200", description = "The offers whose buyers join the group")
	@ApiResponse(responseCode = "404", description = "No such group in this producer's product")
	CursorPage<OfferLink> offers(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@PathVariable long groupId) {
		group(client, productId, groupId);
		return new CursorPage<>(
				this.groups.offersOf(client.producerAccountId(), groupId).stream().map(OfferLink::of).toList(), null);
	}

	@PutMapping("/{groupId}/offers/{offerId}")
	@Operation(operationId = "linkClubGroupOffer", summary = "Link an offer to a group",
			description = "Its buyers join the group from now on. An offer is linked to at most one group: "
					+ "unlink it from its current group first. Safe to repeat.")
	@ApiResponse(responseCode = "200", description = "The offer's link")
	@ApiResponse(responseCode = "404", description = "No such group or offer in this producer's product")
	@ApiResponse(responseCode = "409", description = "The offer is linked to another group (offer.linked-elsewhere)")
	OfferLink link(@AuthenticationPrincipal ApiClient client, @PathVariable long productId, @PathVariable long groupId,
			@PathVariable long offerId) {
		group(client, productId, groupId);
		return OfferLink.of(this.groups.linkOffer(client.producerAccountId(), groupId, offerId));
	}

	@DeleteMapping("/{groupId}/offers/{offerId}")
	@Operation(operationId = "unlinkClubGroupOffer", summary = "Unlink an offer from a group",
			description = "Its buyers join the default group from now on.")
	@ApiResponse(responseCode = "200", description = "The offer, linked to no group")
	@ApiResponse(responseCode = "404", description = "No such group or offer in this producer's product")
	@ApiResponse(responseCode = "409", description = "The offer is not linked to this group (offer.not-linked)")
	OfferLink unlink(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@PathVariable long groupId, @PathVariable long offerId) {
		group(client, productId, groupId);
		return OfferLink.of(this.groups.unlinkOffer(client.producerAccountId(), groupId, offerId));
	}

	private Group group(ApiClient client, long productId, long groupId) {
		Group g = this.groups.find(client.producerAccountId(), groupId);
		if (g.productId() != productId) {
			throw new ClubNotFound("No group " + groupId + " in product " + productId + ".");
		}
		return g;
	}

	private GroupResponse response(long producer, Group g) {
		List<Long> offers = this.groups.offersOf(producer, g.id()).stream().map(Offer::id).toList();
		return new GroupResponse(g.id(), g.productId(), g.name(), g.isDefault(), g.students(), offers);
	}

	/**
	 * A new group.
	 */
	@Schema(name = "ClubGroupRequest")
	record GroupRequest(@NotNull @Schema(description = "1 to 60 characters, unique in the product") String name,
			@JsonProperty("is_default") @Schema(
					description = "Make it the default group; default false") Boolean isDefault) {
	}

	/**
	 * A new name.
	 */
	@Schema(name = "ClubGroupRename")
	record GroupRename(@NotNull @Schema(description = "1 to 60 characters, unique in the product") String name) {
	}

	/**
	 * A group.
	 */
	@Schema(name = "ClubGroupResponse")
	record GroupResponse(long id, @JsonProperty("product_id") long productId, String name,
			@JsonProperty("is_default") boolean isDefault,
			@Schema(description = "How many students are in it") int students,
			@JsonProperty("offer_ids") @Schema(description = "The offers whose buyers join it") List<Long> offerIds) {
	}

	/**
	 * A deleted group.
	 */
	@Schema(name = "ClubDeletedGroup")
	record DeletedGroup(@JsonProperty("group_id") long groupId, @JsonProperty("moved_students") @Schema(
			description = "Students moved to the default group") int movedStudents) {
	}

	/**
	 * An offer and the group its buyers join.
	 */
	@Schema(name = "ClubOfferLink")
	record OfferLink(@JsonProperty("offer_id") long offerId, @JsonProperty("offer_code") String offerCode,
			@JsonProperty("offer_name") String offerName,
			@JsonProperty("group_id") @Schema(description = "Null: the product's default group") Long groupId) {

		static OfferLink of(Offer o) {
			return new OfferLink(o.id(), o.code(), o.details().name(), o.details().clubGroupId());
		}

	}

}
