package io.atrium.checkout;

import java.util.List;
import java.util.Locale;

import io.atrium.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InstallmentsTests {

	private static final Money PRICE = Money.of(9700, "BRL");

	@Test
	void anEvenSplitIsTheSameEveryTime() {
		Installments two = new Installments(PRICE, 2);
		assertThat(two.amounts()).containsExactly(Money.of(4850, "BRL"), Money.of(4850, "BRL"));
	}

	@Test
	void theCentsThatDoNotDivideGoOnTheFirstInstallment() {
		assertThat(new Installments(PRICE, 3).amounts()).containsExactly(Money.of(3234, "BRL"), Money.of(3233, "BRL"),
				Money.of(3233, "BRL"));
		// 9700 = 12 × 808 + 4
		Installments twelve = new Installments(PRICE, 12);
		assertThat(twelve.first()).isEqualTo(Money.of(812, "BRL"));
		assertThat(twelve.rest()).isEqualTo(Money.of(808, "BRL"));
	}

	@Test
	void theInstallmentsAlwaysAddUpToTheTotal() {
		for (long amount : new long[] { 1, 11, 99, 9700, 4997, 1_000_003, 9_999_999_999L }) {
			for (int n = 1; n <= Installments.MAX; n++) {
				List<Money> amounts = new Installments(Money.of(amount, "USD"), n).amounts();
				assertThat(amounts).hasSize(n);
				assertThat(amounts.stream().mapToLong(Money::amountMinor).sum()).as(amount + " in " + n)
					.isEqualTo(amount);
				assertThat(amounts.get(0).amountMinor()).isGreaterThanOrEqualTo(amounts.get(n - 1).amountMinor());
			}
		}
	}

	@Test
	void oneInstallmentIsTheWholePrice() {
		assertThat(new Installments(PRICE, 1).amounts()).containsExactly(PRICE);
	}

	@Test
	void thereIsAlwaysAtLeastOneInstallment() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Installments(PRICE, 0));
	}

	@Test
	void theChoicesRunFromOneToTheMaximumInTheReadersMoney() {
		List<InstallmentsLine> choices = InstallmentsLine.choices(PRICE, 12, Locale.US);
		assertThat(choices).hasSize(12);
		assertThat(choices.get(0).first()).isEqualTo("R$97.00");
		assertThat(choices.get(1).first()).isEqualTo("R$48.50");
		assertThat(choices.get(1).even()).isTrue();
		assertThat(choices.get(2).first()).isEqualTo("R$32.34");
		assertThat(choices.get(2).rest()).isEqualTo("R$32.33");
		assertThat(choices.get(2).even()).isFalse();
		assertThat(InstallmentsLine.choices(PRICE, 3, Locale.forLanguageTag("pt-BR")).get(2).first())
			.isEqualTo("R$\u00a032,34");
	}

}
