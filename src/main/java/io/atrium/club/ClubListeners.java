package io.atrium.club;

import io.atrium.catalog.Catalog;
import io.atrium.catalog.DeliveryKind;
import io.atrium.catalog.ProductCreated;
import io.atrium.checkout.PurchaseApproved;
import io.atrium.checkout.PurchaseChargedBack;
import io.atrium.checkout.PurchaseRefunded;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The members area's side of catalog and checkout events. The listeners run inside the
 * publishing transaction, so a product and its default group, an approved purchase and
 * the buyer's enrolment, a refund and the end of access commit together or not at all.
 */
@Component
class ClubListeners {

	private final ClubProducts products;

	private final Enrollments enrollments;

	private final Catalog catalog;

	ClubListeners(ClubProducts products, Enrollments enrollments, Catalog catalog) {
		this.products = products;
		this.enrollments = enrollments;
		this.catalog = catalog;
	}

	@EventListener
	void on(ProductCreated event) {
		if (event.deliveryKind() == DeliveryKind.MEMBERS_AREA) {
			this.products.ensure(event.productId(), event.producerAccountId());
		}
	}

	@EventListener
	void on(PurchaseApproved event) {
		boolean membersArea = this.catalog.product(event.productId())
			.map((p) -> p.delivery().kind() == DeliveryKind.MEMBERS_AREA)
			.orElse(false);
		if (membersArea) {
			this.enrollments.enrollBuyer(event.productId(), event.producerAccountId(), event.buyerAccountId(),
					event.buyerEmail(), event.clubGroupId(), event.purchaseId(), event.transaction(),
					event.approvedAt());
		}
	}

	@EventListener
	void on(PurchaseRefunded event) {
		this.enrollments.endPurchase(event.purchaseId(), PurchaseState.REFUNDED);
	}

	@EventListener
	void on(PurchaseChargedBack event) {
		this.enrollments.endPurchase(event.purchaseId(), PurchaseState.CHARGED_BACK);
	}

}
