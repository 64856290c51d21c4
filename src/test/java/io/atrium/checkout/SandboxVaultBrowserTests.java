package io.atrium.checkout;

import io.atrium.checkout.internal.SandboxCards;
import io.atrium.checkout.internal.SandboxGateway;
import io.atrium.shared.Money;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Browser;
import io.atrium.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's stored-card page in a real browser, in each language: it passes axe-core
 * and the keyboard-free journey of picking how later charges are answered works.
 */
@AtriumIntegrationTest
@BrowserTest
class SandboxVaultBrowserTests {

	@Autowired
	SandboxGateway gateway;

	@Test
	void english(Browser browser) {
		journey(browser, "en", "Save", "Decline: account closed",
				"Saved: later charges of this card follow your choice.");
	}

	@Test
	void brazilianPortuguese(Browser browser) {
		journey(browser, "pt-BR", "Salvar", "Recusar: conta encerrada",
				"Salvo: as próximas cobranças deste cartão seguem a sua escolha.");
	}

	@Test
	void spanish(Browser browser) {
		journey(browser, "es", "Guardar", "Rechazar: cuenta cerrada",
				"Guardado: los próximos cobros de esta tarjeta siguen tu elección.");
	}

	@Test
	void italian(Browser browser) {
		journey(browser, "it", "Salva", "Rifiuta: conto chiuso",
				"Salvato: i prossimi addebiti di questa carta seguono la tua scelta.");
	}

	private void journey(Browser browser, String language, String save, String closedAccount, String saved) {
		String token = this.gateway
			.charge(new ChargeRequest("HP" + System.nanoTime(), Money.of(0, "BRL"), PaymentMethod.CARD,
					new CardDetails(SandboxCards.APPROVED, "ANA SOUZA", 12, 2099, "123"), "Ana Souza",
					"ana@example.com", "Monthly club", null, true))
			.paymentToken();
		browser.open("/sandbox/payment-methods/" + token + "?lang=" + language);
		assertThat(browser.lang()).isEqualTo(language);
		browser.check(closedAccount);
		browser.click(save);
		assertThat(browser.driver().findElement(By.id("notice")).getText()).isEqualTo(saved);
		assertThat(browser.driver().findElement(By.id("method-behaviour")).getText()).isEqualTo(closedAccount);
		assertThat(this.gateway.paymentMethod(token).orElseThrow().declinesWith())
			.isEqualTo(DeclineReason.CLOSED_ACCOUNT);
	}

}
