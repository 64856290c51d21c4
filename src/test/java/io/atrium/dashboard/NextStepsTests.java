package io.atrium.dashboard;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "What to do next" follows the producer's state.
 */
class NextStepsTests {

	@Test
	void aNewProducerHasEveryStepLeft() {
		List<NextSteps.Step> steps = NextSteps
			.of(new NextSteps.Setup(false, false, false, false, false, false, false, 0));
		assertThat(steps).extracting(NextSteps.Step::key)
			.containsExactly("product", "offer", "content", "branding", "first-sale", "credentials", "webhook");
		assertThat(steps).noneMatch(NextSteps.Step::done);
		assertThat(steps).filteredOn((s) -> s.key().equals("branding"))
			.singleElement()
			.extracting(NextSteps.Step::link)
			.isEqualTo("/business/branding");
	}

	@Test
	void doneStepsAreTickedAndRefundRequestsComeFirst() {
		List<NextSteps.Step> steps = NextSteps.of(new NextSteps.Setup(true, true, false, false, true, false, true, 2));
		assertThat(steps.get(0)).isEqualTo(new NextSteps.Step("refund-requests", false, "/business/refunds", 2));
		assertThat(steps).filteredOn(NextSteps.Step::done)
			.extracting(NextSteps.Step::key)
			.containsExactly("product", "offer", "first-sale", "webhook");
	}

}
