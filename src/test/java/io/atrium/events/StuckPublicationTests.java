package io.atrium.events;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StuckPublicationTests {

	@Test
	void namesTheEventAndTheListenerWithoutPackages() {
		StuckPublication p = new StuckPublication(UUID.randomUUID(), "io.atrium.checkout.PurchaseApproved",
				"io.atrium.club.groups.ClubListeners.on(io.atrium.checkout.PurchaseApproved)", Instant.EPOCH, "FAILED",
				1, null, 7L);
		assertThat(p.eventName()).isEqualTo("PurchaseApproved");
		assertThat(p.listenerName()).isEqualTo("ClubListeners.on(PurchaseApproved)");
	}

}
