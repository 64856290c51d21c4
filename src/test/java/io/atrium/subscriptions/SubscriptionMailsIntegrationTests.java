package io.atrium.subscriptions;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.catalog.BillingPeriod;
import io.atrium.catalog.Delivery;
import io.atrium.catalog.ImageChange;
import io.atrium.catalog.Offer;
import io.atrium.catalog.OfferDetails;
import io.atrium.catalog.Offers;
import io.atrium.catalog.PaymentMode;
import io.atrium.catalog.Product;
import io.atrium.catalog.ProductDetails;
import io.atrium.catalog.ProductFormat;
import io.atrium.catalog.ProductStatus;
import io.atrium.catalog.Products;
import io.atrium.catalog.RecurringPlan;
import io.atrium.checkout.Buyer;
import io.atrium.checkout.CardDetails;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.CheckoutRequest;
import io.atrium.checkout.MoneyText;
import io.atrium.checkout.PaymentMethod;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.internal.SandboxCards;
import io.atrium.checkout.internal.SandboxGateway;
import io.atrium.platform.Dates;
import io.atrium.shared.EmailAddress;
import io.atrium.shared.Money;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Eventually;
import io.atrium.support.TestClock;
import io.atrium.support.TestMail;
import io.atrium.support.WebClient;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscriber's e-mails, driven through real subscriptions: bought at checkout with
 * the sandbox's test cards, renewed, refused and recovered by the renewal run as the
 * clock moves, cancelled and reactivated. Each arrives once, in the subscriber's
 * language, with the subscription's link and its dates in the producer's zone, named.
 */
@AtriumIntegrationTest
class SubscriptionMailsIntegrationTests {

	private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");

	private static final Locale ITALIAN = Locale.forLanguageTag("it");

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	Checkout checkout;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	Renewals renewals;

	@Autowired
	SubscriptionMails mails;

	@Autowired
	SandboxGateway gateway;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@AfterEach
	void reset() {
		this.clock.reset();
	}

	@Test
	void aRefusedRenewalThenItsRecoveryACancellationAndAReactivationAreEachToldOnceInPortuguese() {
		Shop shop = shop(null, BillingPeriod.MONTHLY);
		String email = unique("assinante");
		Subscription s = subscribe(shop, email, PT_BR, SandboxCards.RENEWAL_INSUFFICIENT_FUNDS);
		Money price = shop.offer().details().price();

		this.clock.set(s.nextChargeAt().plus(Duration.ofMinutes(1)));
		this.renewals.runDue();
		this.renewals.runDue();
		s = reload(s);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.DELAYED);
		Instant retryAt = DunningSchedule.DEFAULT.nextRetry(s.overdueSince(), 1);
		Instant windowEnd = DunningSchedule.DEFAULT.windowEnd(s.overdueSince());
		String failed = text(awaitSubject(email, "Falha no pagamento de " + shop.name()));
		assertThat(failed).contains("Olá, Maria Souza,")
			.contains("não conseguimos cobrar " + MoneyText.format(price, PT_BR) + " pela sua assinatura de "
					+ shop.name() + ".")
			.contains("Plano: Mensal — código de assinante " + s.code())
			.contains("Motivo: o cartão não tem saldo ou limite suficiente.")
			.contains("Vamos tentar o mesmo cartão de novo em " + Dates.show(retryAt, SAO_PAULO, PT_BR) + ".")
			.contains("Seu acesso continua até " + Dates.show(windowEnd, SAO_PAULO, PT_BR) + ".")
			.contains("(America/Sao_Paulo)")
			.contains(link(s));

		String token = s.card().token();
		this.gateway.setBehaviour(token, null);
		this.clock.set(retryAt.plus(Duration.ofMinutes(1)));
		this.renewals.runDue();
		s = reload(s);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(s.currentRecurrence()).isEqualTo(2);
		Purchase renewal = this.subscriptions.charges(s).get(1);
		assertThat(renewal.status()).isEqualTo(PurchaseStatus.APPROVED);
		String receipt = text(
				awaitSubject(email, "Recibo de " + shop.name() + " — transação " + renewal.transaction()));
		assertThat(receipt).contains("cobramos " + MoneyText.format(price, PT_BR) + " pela sua assinatura de")
			.contains("Este é o pagamento número 2 da sua assinatura.")
			.contains("Número da transação: " + renewal.transaction())
			.contains("Pago com: VISA •••• 9995")
			.contains("Próxima cobrança: " + Dates.show(s.nextChargeAt(), SAO_PAULO, PT_BR) + ".")
			.contains(link(s));

		s = this.subscriptions.cancel(Requester.buyer(s.subscriber().accountId()), s.code(), true);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_CUSTOMER);
		String cancelled = text(awaitSubject(email, "Assinatura cancelada: " + shop.name()));
		assertThat(cancelled).contains("como você pediu, sua assinatura de " + shop.name() + " foi cancelada.")
			.contains("Nada mais será cobrado.")
			.contains("Você mantém o acesso até " + Dates.show(s.accessUntil(), SAO_PAULO, PT_BR)
					+ ", o fim do período já pago.")
			.contains("Mudou de ideia?")
			.contains(link(s));

		s = this.subscriptions.reactivate(Requester.buyer(s.subscriber().accountId()), s.code());
		assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		String reactivated = text(awaitSubject(email, "Assinatura reativada: " + shop.name()));
		assertThat(reactivated).contains("sua assinatura de " + shop.name() + " está ativa de novo")
			.contains("Próxima cobrança: " + Dates.show(s.nextChargeAt(), SAO_PAULO, PT_BR) + ".");

		settled(s);
		assertThat(subscriptionTemplates(email)).containsExactly("failed", "receipt", "cancelled", "reactivated");
		for (String subject : List.of("Falha no pagamento de " + shop.name(),
				"Recibo de " + shop.name() + " — transação " + renewal.transaction(),
				"Assinatura cancelada: " + shop.name(), "Assinatura reativada: " + shop.name())) {
			assertThat(subjects(email)).filteredOn(subject::equals).hasSize(1);
		}
	}

	@Test
	void aHardDeclineAsksForANewCardThenAccessStopsAndASilentCancelSendsNothingInItalian() {
		Shop shop = shop(ROME, BillingPeriod.MONTHLY);
		String email = unique("abbonata");
		Subscription s = subscribe(shop, email, ITALIAN, SandboxCards.RENEWAL_STOLEN_CARD);

		this.clock.set(s.nextChargeAt().plus(Duration.ofMinutes(1)));
		this.renewals.runDue();
		s = reload(s);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.DELAYED);
		assertThat(s.cardNeedsUpdate()).isTrue();
		Instant windowEnd = DunningSchedule.DEFAULT.windowEnd(s.overdueSince());
		MimeMessage failedMail = awaitSubject(email, "Pagamento non riuscito per " + shop.name());
		String failed = text(failedMail);
		assertThat(failed).contains("Ciao Maria Souza,")
			.contains("Motivo: la carta è stata segnalata come smarrita o rubata.")
			.contains("Non è più possibile addebitare la tua carta: aggiungi una nuova carta")
			.doesNotContain("Riproveremo")
			.contains("Il tuo accesso resta attivo fino al " + Dates.show(windowEnd, ROME, ITALIAN) + ".")
			.contains("(Europe/Rome)")
			.contains(link(s));
		assertThat(html(failedMail)).contains("Aggiungi una nuova carta").doesNotContain("Paga o cambia carta");

		this.clock.set(windowEnd.plus(Duration.ofMinutes(1)));
		this.renewals.runDue();
		s = reload(s);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.OVERDUE);
		String overdue = text(awaitSubject(email, "Accesso sospeso: " + shop.name()));
		assertThat(overdue)
			.contains("il pagamento del tuo abbonamento a " + shop.name() + ", in scadenza il "
					+ Dates.show(s.overdueSince(), ROME, ITALIAN) + ", manca ancora")
			.contains("(Europe/Rome)")
			.contains("dopo cinque addebiti di fila non pagati")
			.contains(link(s));

		s = this.subscriptions.cancel(Requester.producer(shop.producer()), s.code(), false);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_SELLER);
		settled(s);
		assertThat(subscriptionTemplates(email)).doesNotContain("cancelled");

		s = this.subscriptions.offerReactivation(Requester.producer(shop.producer()), s.code(), true);
		String offer = text(awaitSubject(email, "Torna a " + shop.name()));
		assertThat(offer).contains("il produttore di " + shop.name() + " ti invita a riattivare il tuo abbonamento.")
			.contains("Se accetti, addebitiamo " + MoneyText.format(shop.offer().details().price(), ITALIAN)
					+ " sulla carta registrata")
			.contains("Questa offerta è valida fino al "
					+ Dates.show(s.reactivationOfferedAt().plus(Subscriptions.REACTIVATION_VALIDITY), ROME, ITALIAN))
			.contains(link(s));

		settled(s);
		assertThat(subscriptionTemplates(email)).containsExactly("failed", "overdue", "reactivation-offer");
		assertThat(subjects(email)).noneMatch((subject) -> subject.startsWith("Abbonamento annullato"));
	}

	@Test
	void anAnnualRenewalIsRemindedOnceAWeekBeforeInSpanish() {
		Shop shop = shop(null, BillingPeriod.ANNUAL);
		String email = unique("suscriptora");
		Subscription s = subscribe(shop, email, SPANISH, SandboxCards.APPROVED);

		// other tests' annual subscriptions may be due around then too: count this one's
		this.clock.set(s.nextChargeAt().minus(Duration.ofDays(8)));
		this.mails.remindAnnualRenewals();
		assertThat(subscriptionTemplates(email)).isEmpty();
		this.clock.set(s.nextChargeAt().minus(Duration.ofDays(6)));
		assertThat(this.mails.remindAnnualRenewals()).isPositive();
		this.mails.remindAnnualRenewals();
		assertThat(subscriptionTemplates(email)).containsExactly("reminder");

		String reminder = text(awaitSubject(email, "Tu suscripción a " + shop.name() + " se renueva pronto"));
		assertThat(reminder).contains("Hola, Maria Souza:")
			.contains("un recordatorio: tu suscripción a " + shop.name() + " se renueva el "
					+ Dates.show(s.nextChargeAt(), SAO_PAULO, SPANISH) + " y cobraremos "
					+ MoneyText.format(shop.offer().details().price(), SPANISH) + " a tu tarjeta guardada.")
			.contains("(America/Sao_Paulo)")
			.contains(link(s));
		assertThat(subscriptionTemplates(email)).containsExactly("reminder");
	}

	@Test
	void anUpgradesDifferenceGetsAReceiptAndAProducersCancellationIsToldInEnglishWithTheLastDayOfAccess() {
		Shop shop = shop(null, BillingPeriod.MONTHLY);
		Offer premium = this.offers.create(shop.producer(), shop.offer().productId(), new OfferDetails("Premium",
				Money.of(9990, "BRL"), PaymentMode.RECURRING, new RecurringPlan(BillingPeriod.MONTHLY, null, 0), null));
		String email = unique("subscriber");
		Subscription s = subscribe(shop, email, Locale.ENGLISH, SandboxCards.APPROVED);

		this.clock.set(s.nextChargeAt().minus(Duration.ofDays(10)));
		s = this.subscriptions.switchPlan(Requester.buyer(s.subscriber().accountId()), s.code(), premium.code());
		assertThat(s.plan().offerCode()).isEqualTo(premium.code());
		Purchase difference = this.subscriptions.charges(s).get(1);
		assertThat(difference.recurrenceNumber()).isNull();
		String receipt = text(
				awaitSubject(email, "Receipt for " + shop.name() + " — transaction " + difference.transaction()));
		assertThat(receipt)
			.contains("we charged " + MoneyText.format(difference.terms().price(), Locale.ENGLISH)
					+ " for your subscription to " + shop.name() + ". Thank you!")
			.contains("Plan: Premium — subscriber code " + s.code())
			.contains("This is the difference for your new plan, for the rest of the current period.")
			.doesNotContain("payment number")
			.contains("Next charge: " + Dates.show(s.nextChargeAt(), SAO_PAULO, Locale.ENGLISH) + ".");

		s = this.subscriptions.cancel(Requester.producer(shop.producer()), s.code(), true);
		MimeMessage mail = awaitSubject(email, "Subscription cancelled: " + shop.name());
		assertThat(text(mail)).contains("Hello Maria Souza,")
			.contains("the producer cancelled your subscription to " + shop.name() + ".")
			.contains("You keep your access until " + Dates.show(s.accessUntil(), SAO_PAULO, Locale.ENGLISH))
			.doesNotContain("Changed your mind?");
		assertThat(TestMail.link(mail, "/my/subscriptions/")).endsWith("/my/subscriptions/" + s.code());
		assertThat(html(mail)).contains("lang=\"en\"").contains(link(s) + "\"");
	}

	// a product with one plan of the given period, by a producer in the zone (null: the
	// platform's default, America/Sao_Paulo)
	private Shop shop(ZoneId zone, BillingPeriod period) {
		String producerEmail = unique("producer");
		long producer = this.accounts
			.createActive(EmailAddress.of(producerEmail), "Producer", PASSWORD, Locale.ENGLISH, Set.of(Role.PRODUCER))
			.id()
			.value();
		if (zone != null) {
			WebClient web = new WebClient(this.port);
			web.logIn(producerEmail, PASSWORD);
			web.get("/business/time-zone");
			web.submit("/business/time-zone", Map.of("zone", zone.getId()));
		}
		String name = "Club " + UUID.randomUUID().toString().substring(0, 8);
		Product product = this.products.create(producer, new ProductDetails(name, "A club.", "help@example.com",
				ProductFormat.SUBSCRIPTION, ProductStatus.ACTIVE, 7, Delivery.membersArea()), ImageChange.keep());
		Offer offer = this.offers.create(producer, product.id(),
				new OfferDetails((period == BillingPeriod.ANNUAL) ? "Anual" : "Mensal", Money.of(4990, "BRL"),
						PaymentMode.RECURRING, new RecurringPlan(period, null, 0), null));
		return new Shop(producer, name, offer);
	}

	private Subscription subscribe(Shop shop, String email, Locale locale, String cardNumber) {
		Purchase purchase = this.checkout.checkout(new CheckoutRequest(UUID.randomUUID().toString(),
				shop.offer().code(), null, new Buyer("Maria Souza", email, null, locale), PaymentMethod.CARD,
				new CardDetails(cardNumber, "MARIA SOUZA", 12, 2035, "123"), null));
		assertThat(purchase.status()).isEqualTo(PurchaseStatus.APPROVED);
		long buyer = purchase.buyerAccountId();
		Eventually.until("the subscription starts", () -> !this.subscriptions.ofBuyer(buyer).isEmpty());
		return this.subscriptions.ofBuyer(buyer).get(0);
	}

	private Subscription reload(Subscription s) {
		return this.subscriptions.get(Requester.admin(0), s.code());
	}

	private static String link(Subscription s) {
		return "/my/subscriptions/" + s.code();
	}

	// every reaction to the subscription's events has run (or never queued anything)
	private void settled(Subscription s) {
		Eventually.until("every reaction to " + s.code() + " completed", () -> this.jdbc
			.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?")
			.param("%" + s.code() + "%")
			.query(Long.class)
			.single() == 0);
	}

	// the subscription e-mails queued for a recipient, oldest first
	private List<String> subscriptionTemplates(String email) {
		return this.jdbc
			.sql("SELECT template FROM mail_outbox WHERE recipient = ? AND template LIKE 'subscriptions/mail/%' "
					+ "ORDER BY id")
			.param(email)
			.query(String.class)
			.list()
			.stream()
			.map((t) -> t.substring("subscriptions/mail/".length()))
			.toList();
	}

	private static List<String> subjects(String email) {
		return TestMail.to(email).stream().map(TestMail::subject).toList();
	}

	private static MimeMessage awaitSubject(String email, String subject) {
		Eventually.until("an e-mail \"" + subject + "\" to " + email,
				() -> subjects(email).stream().anyMatch(subject::equals));
		List<MimeMessage> matching = TestMail.to(email)
			.stream()
			.filter((m) -> subject.equals(TestMail.subject(m)))
			.toList();
		assertThat(matching).as("e-mails \"" + subject + "\"").hasSize(1);
		return matching.get(0);
	}

	private static String text(MimeMessage message) {
		return part(message, "text/plain");
	}

	private static String html(MimeMessage message) {
		return part(message, "text/html");
	}

	private static String part(MimeMessage message, String type) {
		try {
			List<Part> parts = new ArrayList<>();
			collect(message, parts);
			return parts.stream()
				.filter((p) -> isType(p, type))
				.map(SubscriptionMailsIntegrationTests::content)
				.findFirst()
				.orElseThrow(() -> new AssertionError("No " + type + " part"));
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void collect(Part part, List<Part> parts) throws MessagingException, IOException {
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, parts);
			}
		}
		else {
			parts.add(part);
		}
	}

	private static boolean isType(Part part, String type) {
		try {
			return part.isMimeType(type);
		}
		catch (MessagingException ex) {
			return false;
		}
	}

	private static String content(Part part) {
		try {
			return String.valueOf(part.getContent()).replace("\r\n", "\n");
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID() + "@example.com";
	}

	private record Shop(long producer, String name, Offer offer) {
	}

}
