package io.atrium.accounts;

import java.util.UUID;

import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Browser;
import io.atrium.support.BrowserTest;
import io.atrium.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer's first journey in a real browser: sign up, activate from the e-mail, log
 * in, switch language, reset the password and log in with the new one. Every page passes
 * axe-core.
 */
@AtriumIntegrationTest
@BrowserTest
class AccountsBrowserTests {

	@Test
	void producerSignsUpActivatesLogsInSwitchesLanguageAndResetsThePassword(Browser browser) {
		String email = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		String password = "my first passphrase";
		String newPassword = "a second passphrase";

		browser.open("/").click("Start selling");
		assertThat(browser.path()).isEqualTo("/signup");
		browser.fill("Name", "Renata Journey").fill("E-mail", email).click("Create my account");
		assertThat(browser.text()).contains("Check your e-mail").contains(email);

		MimeMessage activation = TestMail.awaitNth(email, 1);
		browser.open(TestMail.link(activation, "/activate/"));
		assertThat(browser.heading()).isEqualTo("Choose your password");
		browser.fill("New password", password).fill("Repeat the password", password).click("Activate my account");
		// activation signs the producer in
		browser.waitForPath("/business");
		assertThat(browser.text()).contains("Welcome, Renata Journey");

		browser.select("atrium-lang", "Português (Brasil)").click("Change");
		assertThat(browser.lang()).isEqualTo("pt-BR");
		assertThat(browser.text()).contains("Gerenciar meu negócio");
		browser.open("/profile");
		assertThat(browser.heading()).isEqualTo("Seu perfil");

		browser.click("Sair");
		assertThat(browser.text()).contains("Você saiu da sua conta");
		browser.click("Esqueceu sua senha?");
		browser.fill("E-mail", email).click("Enviar o link");
		assertThat(browser.text()).contains("um link para escolher uma nova senha está a caminho");

		MimeMessage reset = TestMail.awaitNth(email, 2);
		assertThat(TestMail.subject(reset)).isEqualTo("Escolha uma nova senha na Atrium");
		browser.open(TestMail.link(reset, "/reset-password/"));
		browser.fill("Nova senha", newPassword).fill("Repita a senha", newPassword).click("Salvar minha nova senha");
		assertThat(browser.text()).contains("Sua senha foi alterada");

		browser.fill("E-mail", email).fill("Senha", password).click("button[type=submit].btn-primary");
		assertThat(browser.text()).contains("E-mail ou senha incorretos");
		browser.fill("E-mail", email).fill("Senha", newPassword).click("button[type=submit].btn-primary");
		browser.waitForPath("/business");
		assertThat(browser.text()).contains("Boas-vindas, Renata Journey");
	}

	@Test
	void loginPageFitsAPhone(Browser browser) {
		browser.phone().open("/login");
		browser.assertNoHorizontalOverflow();
		browser.open("/signup");
		browser.assertNoHorizontalOverflow();
	}

}
