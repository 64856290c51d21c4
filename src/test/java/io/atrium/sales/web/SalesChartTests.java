package io.atrium.sales.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.atrium.checkout.SalesQuery;
import io.atrium.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SalesChartTests {

	@Test
	void chartHasOneBarPerDayScaledToTheBusiestDay() {
		LocalDate from = LocalDate.of(2026, 3, 1);
		SalesChart chart = SalesChart.of(from, from.plusDays(2),
				List.of(new SalesQuery.DailySales(from, 2, Money.of(2000, "BRL")),
						new SalesQuery.DailySales(from.plusDays(2), 4, Money.of(1000, "BRL")),
						new SalesQuery.DailySales(from.plusDays(2), 1, Money.of(500, "USD"))),
				Locale.ENGLISH);
		assertThat(chart.bars()).hasSize(3);
		assertThat(chart.max()).isEqualTo(5);
		assertThat(chart.bars().get(2).height()).isEqualTo(chart.baseline() - SalesChart.TOP);
		assertThat(chart.bars().get(1).height()).isZero();
		assertThat(chart.bars().get(0).height()).isEqualTo((chart.baseline() - SalesChart.TOP) * 2 / 5);
		assertThat(chart.days().get(2).amounts()).isEqualTo("R$10.00 · $5.00");
	}

}
