package io.atrium.subscriptions;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.BillingPeriod;
import io.atrium.catalog.Offer;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.internal.SandboxCards;
import io.atrium.checkout.internal.SandboxGateway;
import io.atrium.shared.Money;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Eventually;
import io.atrium.support.TestClock;
import io.atrium.support.WebClient;
import io.atrium.support.WebClient.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscription pages over real HTTP, with plans bought through the real checkout
 * (sandbox gateway): the producer's list, filters and paging, each subscription's page
 * and every action with its confirmation and refusals; the buyer's My subscriptions with
 * cancel, reactivate, paying an overdue charge and changing the card; the dunning
 * settings; the numbers on a known set of subscriptions; the admin's cancel; and nobody
 * seeing anybody else's.
 */
@AtriumIntegrationTest
class SubscriptionPagesIntegrationTests {

	static final String BASE = "/business/subscriptions/";

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
	SandboxGateway sandbox;

	@Autowired
	TestClock clock;

	SubscriptionShop shop;

	@BeforeEach
	void shop() {
		this.shop = new SubscriptionShop(this.accounts, this.products, this.offers, this.checkout, this.subscriptions);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void producerListsFiltersSearchesAndPagesTheirSubscriptions() {
		SubscriptionShop.Person producer = this.shop.producer("Paula Plans");
		long club = this.shop.product(producer, "Bread club");
		long other = this.shop.product(producer, "Cake club");
		Offer monthly = this.shop.plan(producer, club, "Monthly", Money.of(4990, "BRL"), BillingPeriod.MONTHLY, 0);
		Offer trial = this.shop.plan(producer, club, "Trial", Money.of(4990, "BRL"), BillingPeriod.MONTHLY, 7);
		Offer cake = this.shop.plan(producer, other, "Cake", Money.of(1500, "USD"), BillingPeriod.WEEKLY, 0);
		Subscription ana = this.shop.subscribe(this.shop.buyer("Ana Souza"), monthly, SubscriptionShop.APPROVED_CARD);
		Subscription bruno = this.shop.subscribe(this.shop.buyer("Bruno Lima"), trial, SubscriptionShop.APPROVED_CARD);
		Subscription carla = this.shop.subscribe(this.shop.buyer("Carla Cake"), cake, SubscriptionShop.APPROVED_CARD);
		this.subscriptions.cancel(Requester.producer(producer.id()), carla.code(), false);

		WebClient web = signedIn(producer);
		assertThat(web.get("/business").document().select("main a[href=/business/subscriptions]")).hasSize(1);
		Page all = web.get("/business/subscriptions");
		assertThat(all.status()).isEqualTo(200);
		assertThat(codes(all)).containsExactly(carla.code(), bruno.code(), ana.code());
		assertThat(all.document().getElementById("subscriptions-count").text()).contains("3");
		Element anaRow = all.document().selectFirst("tr[data-code=" + ana.code() + "]");
		assertThat(anaRow.text()).contains("Ana Souza", "Bread club", "Monthly", "49.90", "Active",
				"(America/Sao_Paulo)");
		assertThat(anaRow.selectFirst("a").attr("href")).isEqualTo(BASE + ana.code());

		assertThat(codes(web.get("/business/subscriptions?status=CANCELLED_BY_SELLER"))).containsExactly(carla.code());
		assertThat(codes(web.get("/business/subscriptions?status=ACTIVE&status=CANCELLED_BY_SELLER")))
			.containsExactly(carla.code(), bruno.code(), ana.code());
		assertThat(codes(web.get("/business/subscriptions?status=DELAYED,OVERDUE"))).isEmpty();
		assertThat(codes(web.get("/business/subscriptions?trial=true"))).containsExactly(bruno.code());
		assertThat(codes(web.get("/business/subscriptions?trial=false"))).containsExactly(carla.code(), ana.code());
		assertThat(codes(web.get("/business/subscriptions?product_id=" + other))).containsExactly(carla.code());
		assertThat(codes(web.get("/business/subscriptions?plan_id=" + trial.id()))).containsExactly(bruno.code());
		assertThat(codes(web.get("/business/subscriptions?q=souza"))).containsExactly(ana.code());
		assertThat(codes(web.get("/business/subscriptions?q=" + bruno.subscriber().email())))
			.containsExactly(bruno.code());
		assertThat(codes(web.get("/business/subscriptions?q=" + ana.code().toLowerCase()))).containsExactly(ana.code());
		String today = this.clock.instant().atZone(ana.zone()).toLocalDate().toString();
		String tomorrow = this.clock.instant().atZone(ana.zone()).toLocalDate().plusDays(1).toString();
		assertThat(codes(web.get("/business/subscriptions?accession_date=" + today + "&end_accession_date=" + today)))
			.hasSize(3);
		assertThat(codes(web.get("/business/subscriptions?accession_date=" + tomorrow))).isEmpty();
		assertThat(codes(web.get("/business/subscriptions?cancelation_date=" + today))).containsExactly(carla.code());
		// unreadable filters are ignored, never a 500
		Page odd = web.get("/business/subscriptions?product_id=abc&status=NOPE&accession_date=2027-02-31&trial=maybe");
		assertThat(odd.status()).isEqualTo(200);
		assertThat(codes(odd)).hasSize(3);

		Page first = web.get("/business/subscriptions?max_results=2&status=ACTIVE&status=CANCELLED_BY_SELLER");
		assertThat(codes(first)).containsExactly(carla.code(), bruno.code());
		assertThat(first.document().getElementById("page-previous")).isNull();
		String next = first.document().getElementById("page-next").attr("href");
		assertThat(next).contains("status=ACTIVE", "status=CANCELLED_BY_SELLER", "max_results=2");
		Page second = web.get(next);
		assertThat(codes(second)).containsExactly(ana.code());
		assertThat(second.document().getElementById("page-next")).isNull();
		assertThat(codes(web.get(second.document().getElementById("page-previous").attr("href"))))
			.containsExactly(carla.code(), bruno.code());
		Page forged = web.get("/business/subscriptions?max_results=2&page_token=not-a-token");
		assertThat(forged.status()).isEqualTo(200);
		assertThat(codes(forged)).containsExactly(carla.code(), bruno.code());
	}

	@Test
	void anotherProducerOrBuyerGetsTheNotFoundPageAndChangesNothing() {
		SubscriptionShop.Person owner = this.shop.producer("Owner");
		Offer plan = this.shop.plan(owner, this.shop.product(owner, "Secret club"), "Monthly", Money.of(2000, "EUR"),
				BillingPeriod.MONTHLY, 0);
		SubscriptionShop.Person buyer = this.shop.buyer("Bia Buyer");
		Subscription s = this.shop.subscribe(buyer, plan, SubscriptionShop.APPROVED_CARD);
		SubscriptionShop.Person stranger = this.shop.producer("Stranger");
		SubscriptionShop.Person otherBuyer = this.shop.buyer("Otto Other");

		WebClient producer = signedIn(stranger);
		assertThat(codes(producer.get("/business/subscriptions"))).isEmpty();
		for (String path : List.of("", "/cancel", "/reactivate", "/due-day?day=3", "/switch?offer=X")) {
			Page page = producer.get(BASE + s.code() + path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.text()).contains("No such subscription");
		}
		assertThat(producer.post(BASE + s.code() + "/cancel", Map.of("send_mail", "true")).status()).isEqualTo(404);
		assertThat(producer.post(BASE + s.code() + "/due-day", Map.of("day", "3")).status()).isEqualTo(404);
		assertThat(producer.get(BASE + "NOSUCH99").status()).isEqualTo(404);

		WebClient other = signedIn(otherBuyer);
		assertThat(other.get("/my/subscriptions").document().select(".my-subscription")).isEmpty();
		for (String path : List.of("", "/cancel", "/reactivate", "/pay", "/card")) {
			assertThat(other.get("/my/subscriptions/" + s.code() + path).status()).as(path).isEqualTo(404);
		}
		assertThat(other.post("/my/subscriptions/" + s.code() + "/cancel", Map.of()).status()).isEqualTo(404);
		assertThat(other.post("/my/subscriptions/" + s.code() + "/card", card(SubscriptionShop.APPROVED_CARD)).status())
			.isEqualTo(404);
		// the producer's pages are for producers only
		assertThat(other.get("/business/subscriptions").status()).isEqualTo(403);
		assertThat(other.get("/admin/subscriptions").status()).isEqualTo(403);

		Subscription after = this.subscriptions.get(Requester.producer(owner.id()), s.code());
		assertThat(after.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(after.pendingDueDay()).isNull();
		assertThat(after.version()).isEqualTo(s.version());
	}

	@Test
	void theSubscriptionPageExplainsWhereItStandsWithItsChargesAndHistory() {
		SubscriptionShop.Person producer = this.shop.producer("Pia");
		Offer plan = this.shop.plan(producer, this.shop.product(producer, "Yoga club"), "Monthly",
				Money.of(4990, "BRL"), BillingPeriod.MONTHLY, 0);
		Subscription s = this.shop.subscribe(this.shop.buyer("Ana Souza"), plan, SubscriptionShop.APPROVED_CARD);

		Page page = signedIn(producer).get(BASE + s.code());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().selectFirst("h1").text()).isEqualTo("Yoga club — Ana Souza");
		String nextDay = io.atrium.platform.Dates.showDay(s.nextChargeAt(), s.zone(), java.util.Locale.ENGLISH);
		assertThat(page.document().getElementById("explanation").text()).contains("Active and paid up", "49.90",
				nextDay);
		assertThat(nextDay).endsWith("(America/Sao_Paulo)");
		assertThat(page.document().getElementById("next-charge").text()).isEqualTo(nextDay);
		assertThat(page.document().getElementById("card").text()).contains("VISA •••• 1111");
		assertThat(page.document().getElementById("due-day").text()).startsWith(String.valueOf(s.dueDay()));
		assertThat(page.document().select("#charges tr.charge")).hasSize(1);
		assertThat(page.document().selectFirst("#charges tr.charge").text()).contains(s.firstTransaction(), "49.90",
				"Approved");
		assertThat(page.document().select("#history tr.change")).hasSize(1);
		assertThat(page.document().selectFirst("#history tr.change").text()).contains("Subscribed", "Subscriber",
				"(America/Sao_Paulo)");
		assertThat(page.document().getElementById("due-day-form")).isNotNull();
		assertThat(page.document().getElementById("cancel-link")).isNotNull();
		assertThat(page.document().getElementById("offer-link")).isNull();
	}

	@Test
	void producerChangesTheDueDayAfterAConfirmationAndIsRefusedOutOfRangeOrDuringTheTrial() {
		SubscriptionShop.Person producer = this.shop.producer("Dora Due");
		long product = this.shop.product(producer, "Garden club");
		Offer monthly = this.shop.plan(producer, product, "Monthly", Money.of(3000, "BRL"), BillingPeriod.MONTHLY, 0);
		Offer trial = this.shop.plan(producer, product, "Trial", Money.of(3000, "BRL"), BillingPeriod.MONTHLY, 7);
		Subscription s = this.shop.subscribe(this.shop.buyer("Ana"), monthly, SubscriptionShop.APPROVED_CARD);
		Subscription t = this.shop.subscribe(this.shop.buyer("Tina Trial"), trial, SubscriptionShop.APPROVED_CARD);
		int day = (s.dueDay() == 15) ? 16 : 15;
		WebClient web = signedIn(producer);

		Page confirm = web.get(BASE + s.code() + "/due-day?day=" + day);
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.document().getElementById("confirm-lead").text())
			.contains("Charges will fall on day " + day + " of the month", "stays as it is", "(America/Sao_Paulo)");
		Page done = web.submit(BASE + s.code() + "/due-day", Map.of("day", String.valueOf(day)));
		assertThat(done.path()).isEqualTo(BASE + s.code());
		assertThat(done.document().getElementById("notice").text()).contains("due day", "Ana");
		assertThat(done.document().getElementById("pending-due-day").text()).contains("Changes to " + day);
		assertThat(done.document().select("#history tr[data-cause=DUE_DAY_CHANGED]")).hasSize(1);
		assertThat(this.subscriptions.get(Requester.producer(producer.id()), s.code()).pendingDueDay()).isEqualTo(day);

		for (String bad : List.of("0", "32", "x", "")) {
			web.get(BASE + s.code());
			Page refused = web.post(BASE + s.code() + "/due-day", Map.of("day", bad));
			assertThat(refused.status()).as(bad).isEqualTo(422);
			assertThat(refused.document().getElementById("problem").text()).contains("Choose a due day from 1 to 31");
			assertThat(web.get(BASE + s.code() + "/due-day?day=" + bad).status()).as(bad).isEqualTo(422);
		}
		assertThat(this.subscriptions.get(Requester.producer(producer.id()), s.code()).pendingDueDay()).isEqualTo(day);

		Page trialPage = web.get(BASE + t.code());
		assertThat(trialPage.document().getElementById("due-day-form")).isNull();
		assertThat(trialPage.document().getElementById("due-day-trial").text()).contains("free trial",
				"(America/Sao_Paulo)");
		assertThat(web.get(BASE + t.code() + "/due-day?day=10").status()).isEqualTo(409);
		Page refused = web.post(BASE + t.code() + "/due-day", Map.of("day", "10"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.document().getElementById("problem").text()).contains("cannot change during the free trial");
		assertThat(this.subscriptions.get(Requester.producer(producer.id()), t.code()).pendingDueDay()).isNull();
	}

	@Test
	void producerPreviewsWhatASwitchCostsThenSwitches() {
		SubscriptionShop.Person producer = this.shop.producer("Sam Switch");
		long product = this.shop.product(producer, "Music club");
		Offer basic = this.shop.plan(producer, product, "Basic", Money.of(3000, "BRL"), BillingPeriod.MONTHLY, 0);
		Offer premium = this.shop.plan(producer, product, "Premium", Money.of(9000, "BRL"), BillingPeriod.MONTHLY, 0);
		Offer yearly = this.shop.plan(producer, product, "Yearly", Money.of(30000, "BRL"), BillingPeriod.ANNUAL, 0);
		Subscription s = this.shop.subscribe(this.shop.buyer("Ana"), basic, SubscriptionShop.APPROVED_CARD);
		WebClient web = signedIn(producer);

		Page detail = web.get(BASE + s.code());
		assertThat(detail.document().select("#switch-form option")).extracting(Element::val)
			.containsExactlyInAnyOrder(premium.code(), yearly.code());

		Page downgrade = web.get(BASE + s.code() + "/switch?offer=" + yearly.code());
		assertThat(downgrade.status()).isEqualTo(200);
		assertThat(downgrade.document().getElementById("confirm-lead").text()).contains("From Basic to Yearly",
				"Nothing is charged now", "next renewal");

		Subscriptions.SwitchOption quote = this.subscriptions.previewSwitch(Requester.producer(producer.id()), s.code(),
				premium.code());
		assertThat(quote.quote().kind()).isEqualTo(PlanSwitchQuote.Kind.UPGRADE);
		// nearly the whole period is left: close to the 60.00 difference (the clock moves
		// on)
		assertThat(quote.quote().chargeNow().amountMinor()).isBetween(5900L, 6000L);
		Page upgrade = web.get(BASE + s.code() + "/switch?offer=" + premium.code());
		assertThat(upgrade.document().getElementById("confirm-lead").text())
			.contains("From Basic to Premium", "is charged now on the stored card", "applies at once")
			.containsPattern("R\\$\\s?(59\\.\\d\\d|60\\.00) is charged now");

		Page unknown = web.get(BASE + s.code() + "/switch?offer=NOSUCH12");
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.document().getElementById("problem").text()).contains("Choose another plan");
		web.get(BASE + s.code());
		assertThat(web.post(BASE + s.code() + "/switch", Map.of("offer", basic.code())).status()).isEqualTo(422);

		web.get(BASE + s.code() + "/switch?offer=" + premium.code());
		Page done = web.submit(BASE + s.code() + "/switch", Map.of("offer", premium.code()));
		assertThat(done.path()).isEqualTo(BASE + s.code());
		assertThat(done.document().getElementById("notice").text()).contains("plan");
		assertThat(done.document().getElementById("plan").text()).isEqualTo("Premium");
		assertThat(done.document().select("#history tr[data-cause=PLAN_SWITCHED]")).hasSize(1);
		assertThat(done.document().select("#charges tr.charge")).hasSize(2);
		assertThat(done.document().selectFirst("#charges tr.charge").text()).contains("Plan change", "Approved");
	}

	@Test
	void producerCancelsWithOrWithoutTheMailAndOffersAReactivation() {
		SubscriptionShop.Person producer = this.shop.producer("Carl Cancel");
		Offer plan = this.shop.plan(producer, this.shop.product(producer, "Chess club"), "Monthly",
				Money.of(2500, "BRL"), BillingPeriod.MONTHLY, 0);
		Subscription s = this.shop.subscribe(this.shop.buyer("Ana"), plan, SubscriptionShop.APPROVED_CARD);
		WebClient web = signedIn(producer);

		Page active = web.get(BASE + s.code() + "/reactivate");
		assertThat(active.status()).isEqualTo(409);
		assertThat(active.document().getElementById("problem").text()).contains("nothing to reactivate");

		Page confirm = web.get(BASE + s.code() + "/cancel");
		assertThat(confirm.status()).isEqualTo(200);
		String until = io.atrium.platform.Dates.show(s.nextChargeAt(), s.zone(), java.util.Locale.ENGLISH);
		assertThat(confirm.document().getElementById("confirm-lead").text()).contains("Nothing more will be charged",
				"Access continues until " + until);
		assertThat(confirm.document().getElementById("send_mail").hasAttr("checked")).isTrue();
		Page done = web.submit(BASE + s.code() + "/cancel", Map.of());
		assertThat(done.path()).isEqualTo(BASE + s.code());
		assertThat(done.document().getElementById("notice").text()).contains("cancelled");
		assertThat(done.document().getElementById("explanation").text()).contains("Cancelled by the producer",
				"access continues until " + until);
		assertThat(done.document().getElementById("next-charge").text()).isEqualTo(until);
		assertThat(this.subscriptions.get(Requester.producer(producer.id()), s.code()).status())
			.isEqualTo(SubscriptionStatus.CANCELLED_BY_SELLER);

		web.get(BASE + s.code());
		Page again = web.post(BASE + s.code() + "/cancel", Map.of("send_mail", "true"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.document().getElementById("problem").text()).contains("already cancelled");
		assertThat(web.get(BASE + s.code() + "/cancel").status()).isEqualTo(409);

		Page offer = web.get(BASE + s.code() + "/reactivate");
		assertThat(offer.status()).isEqualTo(200);
		assertThat(offer.document().getElementById("confirm-lead").text()).contains("valid for 3 days");
		Page offered = web.submit(BASE + s.code() + "/reactivate", Map.of("charge", "false"));
		assertThat(offered.document().getElementById("notice").text()).contains("Reactivation offered");
		assertThat(offered.document().getElementById("explanation").text()).contains("A reactivation was offered on",
				"without a charge");
		assertThat(offered.document().select("#history tr[data-cause=REACTIVATION_OFFERED]")).hasSize(1);
		assertThat(this.subscriptions.get(Requester.producer(producer.id()), s.code()).reactivationCharge()).isFalse();
	}

	@Test
	void buyerCancelsKeepingAccessToTheEndOfThePaidPeriodThenReactivatesWithoutACharge() {
		SubscriptionShop.Person producer = this.shop.producer("Pat");
		Offer plan = this.shop.plan(producer, this.shop.product(producer, "Photo club"), "Monthly",
				Money.of(3990, "BRL"), BillingPeriod.MONTHLY, 0);
		SubscriptionShop.Person buyer = this.shop.buyer("Ana Souza");
		Subscription s = this.shop.subscribe(buyer, plan, SubscriptionShop.APPROVED_CARD);
		String path = "/my/subscriptions/" + s.code();
		WebClient web = signedIn(buyer);

		Page list = web.get("/my/subscriptions");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.document().select(".my-subscription")).hasSize(1);
		assertThat(list.document().selectFirst(".my-subscription").text()).contains("Photo club", "Monthly", "39.90",
				"Active and paid up");
		assertThat(list.document().select("a[href=/my/subscriptions]")).isNotEmpty();

		Page detail = web.get(path);
		assertThat(detail.document().select("#charges tr.charge")).hasSize(1);
		assertThat(detail.document().getElementById("reactivate-link")).isNull();
		String until = io.atrium.platform.Dates.show(s.nextChargeAt(), s.zone(), java.util.Locale.ENGLISH);
		Page confirm = web.get(path + "/cancel");
		assertThat(confirm.document().getElementById("confirm-lead").text()).contains("Nothing more will be charged",
				"You keep access until " + until, "reactivate without being charged");
		Page cancelled = web.submit(path + "/cancel", Map.of());
		assertThat(cancelled.path()).isEqualTo(path);
		assertThat(cancelled.document().getElementById("notice").text()).contains("You keep access until " + until);
		assertThat(this.subscriptions.get(Requester.buyer(buyer.id()), s.code()).status())
			.isEqualTo(SubscriptionStatus.CANCELLED_BY_CUSTOMER);
		web.get(path);
		assertThat(web.post(path + "/cancel", Map.of()).status()).isEqualTo(409);

		Page reactivate = web.get(path + "/reactivate");
		assertThat(reactivate.status()).isEqualTo(200);
		assertThat(reactivate.document().getElementById("confirm-lead").text()).contains("Nothing is charged now");
		Page back = web.submit(path + "/reactivate", Map.of());
		assertThat(back.document().getElementById("notice").text()).contains("active again");
		Subscription after = this.subscriptions.get(Requester.buyer(buyer.id()), s.code());
		assertThat(after.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(after.nextChargeAt()).isEqualTo(s.nextChargeAt());
		assertThat(this.subscriptions.charges(after)).hasSize(1);
		web.get(path);
		Page refused = web.post(path + "/reactivate", Map.of());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.document().getElementById("problem").text()).contains("nothing to reactivate");
	}

	@Test
	void aLatePaymentIsExplainedWithTheNextRetryAndUntilWhenAccessContinues() {
		SubscriptionShop.Person producer = this.shop.producer("Lea Late");
		Offer plan = this.shop.plan(producer, this.shop.product(producer, "Late club"), "Monthly",
				Money.of(4990, "BRL"), BillingPeriod.MONTHLY, 0);
		SubscriptionShop.Person buyer = this.shop.buyer("Ana Souza");
		Subscription s = this.shop.subscribe(buyer, plan, SandboxCards.RENEWAL_INSUFFICIENT_FUNDS);
		this.clock.set(s.nextChargeAt().plus(Duration.ofHours(1)));
		Eventually.until("the renewal is refused", () -> {
			this.renewals.runDue();
			return this.subscriptions.get(Requester.buyer(buyer.id()), s.code()).status() == SubscriptionStatus.DELAYED;
		});
		java.util.Locale en = java.util.Locale.ENGLISH;
		String retry = io.atrium.platform.Dates.show(s.nextChargeAt().plus(Duration.ofDays(1)), s.zone(), en);
		String stops = io.atrium.platform.Dates.show(s.nextChargeAt().plus(Duration.ofDays(10)), s.zone(), en);

		WebClient web = signedIn(producer);
		assertThat(codes(web.get("/business/subscriptions?status=DELAYED"))).containsExactly(s.code());
		Page page = web.get(BASE + s.code());
		assertThat(page.document().getElementById("explanation").text()).contains(
				"Payment late since " + io.atrium.platform.Dates.showDay(s.nextChargeAt(), s.zone(), en)
						+ ": one attempt was refused. The card has insufficient funds.",
				"The card will be tried again on " + retry + ".",
				"Access continues while the payment is late, until " + stops);
		assertThat(page.document().select("#history tr[data-cause=CHARGE_DECLINED]")).hasSize(1);
		Page mine = signedIn(buyer).get("/my/subscriptions/" + s.code());
		assertThat(mine.document().getElementById("pay-link")).isNotNull();
		assertThat(mine.document().getElementById("explanation").text()).contains("Payment late since");
	}

	@Test
	void buyerPaysAnOverdueChargeWithANewCardAndChangesTheCard() {
		SubscriptionShop.Person producer = this.shop.producer("Olga Overdue");
		Offer plan = this.shop.plan(producer, this.shop.product(producer, "Dance club"), "Monthly",
				Money.of(4990, "BRL"), BillingPeriod.MONTHLY, 0);
		this.subscriptions.saveDunning(producer.id(), new DunningSchedule(List.of(), false));
		SubscriptionShop.Person buyer = this.shop.buyer("Ana Souza");
		Subscription s = this.shop.subscribe(buyer, plan, SandboxCards.RENEWAL_INSUFFICIENT_FUNDS);
		String path = "/my/subscriptions/" + s.code();
		this.clock.set(s.nextChargeAt().plus(Duration.ofHours(1)));
		Eventually.until("the renewal is refused and the subscription is overdue", () -> {
			this.renewals.runDue();
			return this.subscriptions.get(Requester.buyer(buyer.id()), s.code()).status() == SubscriptionStatus.OVERDUE;
		});
		WebClient web = signedIn(buyer);

		Page detail = web.get(path);
		String since = io.atrium.platform.Dates.showDay(s.nextChargeAt(), s.zone(), java.util.Locale.ENGLISH);
		assertThat(detail.document().getElementById("explanation").text())
			.contains("Overdue since " + since + ": access stopped; 1 unpaid charge.");
		assertThat(detail.document().getElementById("pay-link")).isNotNull();
		assertThat(detail.document().select("#charges tr.charge[data-status=OVERDUE]").text())
			.contains("The card has insufficient funds.");
		Page producerView = signedIn(producer).get(BASE + s.code());
		assertThat(producerView.document().getElementById("explanation").text()).contains("Overdue since " + since);
		assertThat(producerView.document().getElementById("offer-link")).isNotNull();

		Page pay = web.get(path + "/pay");
		assertThat(pay.status()).isEqualTo(200);
		assertThat(pay.document().select("#unpaid tbody tr")).hasSize(1);
		assertThat(pay.document().getElementById("total").text()).contains("49.90");
		Page declined = web.post(path + "/pay", Map.of());
		assertThat(declined.status()).isEqualTo(402);
		assertThat(declined.document().getElementById("problem").text())
			.contains("The card was refused and nothing was charged: The card has insufficient funds.");
		Page invalid = web.post(path + "/pay-with-card", Map.of("cardNumber", "12", "cardHolder", "", "cardExpMonth",
				"13", "cardExpYear", "99", "cardCvc", "1"));
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.document().select(".invalid-feedback")).extracting(Element::id)
			.contains("cardNumber-error", "cardHolder-error", "cardExpMonth-error", "cardExpYear-error",
					"cardCvc-error");
		Page refusedCard = web.post(path + "/pay-with-card", card(SandboxCards.DECLINED));
		assertThat(refusedCard.status()).isEqualTo(402);
		assertThat(refusedCard.document().getElementById("problem").text()).contains("The bank declined the card.");
		assertThat(this.subscriptions.get(Requester.buyer(buyer.id()), s.code()).status())
			.isEqualTo(SubscriptionStatus.OVERDUE);

		Page paid = web.submit(path + "/pay-with-card", card(SubscriptionShop.APPROVED_CARD));
		assertThat(paid.path()).isEqualTo(path);
		assertThat(paid.document().getElementById("notice").text()).contains("Paid with VISA •••• 1111");
		Subscription after = this.subscriptions.get(Requester.buyer(buyer.id()), s.code());
		assertThat(after.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(after.currentRecurrence()).isEqualTo(2);
		assertThat(paid.document().getElementById("explanation").text()).contains("Active and paid up");
		assertThat(paid.document().select("#charges tr.charge[data-status=APPROVED]")).hasSize(2);
		assertThat(web.get(path + "/pay").status()).isEqualTo(409);

		Page cardPage = web.get(path + "/card");
		assertThat(cardPage.status()).isEqualTo(200);
		assertThat(cardPage.document().getElementById("sandbox-cards")).isNotNull();
		Page cardRefused = web.post(path + "/card", card(SandboxCards.INSUFFICIENT_FUNDS));
		assertThat(cardRefused.status()).isEqualTo(402);
		assertThat(cardRefused.document().getElementById("problem").text()).contains("insufficient funds");
		Page saved = web.submit(path + "/card", card("5555555555554444"));
		assertThat(saved.document().getElementById("notice").text()).contains("MASTERCARD •••• 4444");
		assertThat(saved.document().getElementById("card").text()).contains("MASTERCARD •••• 4444");
		assertThat(saved.document().select("#charges tr.charge")).hasSize(after.currentRecurrence());
	}

	@Test
	void dunningSettingsAreValidatedSavedAndExplained() {
		SubscriptionShop.Person producer = this.shop.producer("Rita Retry");
		WebClient web = signedIn(producer);
		Page page = web.get(BASE + "settings");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().getElementById("retryDays").val()).isEqualTo("1,3,3,3");
		assertThat(page.document().getElementById("graceWhileDelayed").hasAttr("checked")).isTrue();
		assertThat(page.document().getElementById("current-settings").text()).contains("retried 4 times: 1, 4, 7, 10",
				"still unpaid 10 days");

		Map<String, String> problems = Map.of("1,x", "Write whole numbers separated by commas", "1,1,1,1,1,1,1,1,1",
				"At most 8 retries", "0,5", "1 to 30 days", "3,31", "1 to 30 days", "1,,2", "separated by commas");
		problems.forEach((typed, message) -> {
			Page refused = web.post(BASE + "settings", Map.of("retryDays", typed, "graceWhileDelayed", "true"));
			assertThat(refused.status()).as(typed).isEqualTo(422);
			assertThat(refused.document().getElementById("retryDays-error").text()).as(typed).contains(message);
			assertThat(refused.document().getElementById("retryDays").val()).isEqualTo(typed);
		});
		assertThat(this.subscriptions.dunning(producer.id())).isEqualTo(DunningSchedule.DEFAULT);

		Page saved = web.submit(BASE + "settings", Map.of("retryDays", " 2, 5 "));
		assertThat(saved.document().getElementById("notice").text()).contains("Saved");
		assertThat(saved.document().getElementById("retryDays").val()).isEqualTo("2,5");
		assertThat(saved.document().getElementById("graceWhileDelayed").hasAttr("checked")).isFalse();
		assertThat(saved.document().getElementById("current-settings").text()).contains("retried 2 times: 2, 7",
				"Access stops at the first refused charge");
		assertThat(this.subscriptions.dunning(producer.id())).isEqualTo(new DunningSchedule(List.of(2, 5), false));

		web.submit(BASE + "settings", Map.of("retryDays", "", "graceWhileDelayed", "true"));
		assertThat(this.subscriptions.dunning(producer.id())).isEqualTo(new DunningSchedule(List.of(), true));
		assertThat(web.get(BASE + "settings").document().getElementById("current-settings").text())
			.contains("not retried");
	}

	@Test
	void theNumbersOfAKnownSetOfSubscriptions() {
		SubscriptionShop.Person producer = this.shop.producer("Mia Metrics");
		long product = this.shop.product(producer, "Metrics club");
		Offer monthly = this.shop.plan(producer, product, "Monthly", Money.of(4990, "BRL"), BillingPeriod.MONTHLY, 0);
		Offer annual = this.shop.plan(producer, product, "Annual", Money.of(49900, "BRL"), BillingPeriod.ANNUAL, 0);
		Offer dollars = this.shop.plan(producer, product, "Dollars", Money.of(1200, "USD"), BillingPeriod.QUARTERLY, 0);
		this.clock.set(this.clock.instant().minus(Duration.ofDays(45)));
		Subscription one = this.shop.subscribe(this.shop.buyer("One"), monthly, SubscriptionShop.APPROVED_CARD);
		Subscription two = this.shop.subscribe(this.shop.buyer("Two"), monthly, SubscriptionShop.APPROVED_CARD);
		SubscriptionShop.Person lateBuyer = this.shop.buyer("Late");
		Subscription late = this.shop.subscribe(lateBuyer, monthly, SandboxCards.RENEWAL_INSUFFICIENT_FUNDS);
		Subscription four = this.shop.subscribe(this.shop.buyer("Four"), annual, SubscriptionShop.APPROVED_CARD);
		this.clock.reset();
		Subscription five = this.shop.subscribe(this.shop.buyer("Five"), dollars, SubscriptionShop.APPROVED_CARD);
		Eventually.until("the month-old subscriptions renew, the late one overdue", () -> {
			this.renewals.runDue();
			Requester p = Requester.producer(producer.id());
			return this.subscriptions.get(p, one.code()).currentRecurrence() == 2
					&& this.subscriptions.get(p, two.code()).currentRecurrence() == 2
					&& this.subscriptions.get(p, late.code()).status() == SubscriptionStatus.OVERDUE;
		});
		WebClient web = signedIn(producer);
		web.get(BASE + two.code() + "/cancel");
		web.submit(BASE + two.code() + "/cancel", Map.of());

		Page numbers = web.get(BASE + "metrics");
		assertThat(numbers.status()).isEqualTo(200);
		// one, four and five; two cancelled, late overdue
		assertThat(value(numbers, "metric-active")).isEqualTo("3");
		// 4990 + 49900 / 12 = 9148.33; 1200 / 3 = 400
		assertThat(numbers.document().select("#metric-mrr .mrr-amount").eachText()).hasSize(2)
			.anyMatch((t) -> t.contains("91.48") && t.contains("R$"))
			.anyMatch((t) -> t.contains("$4.00"));
		// two cancelled of the four active 30 days ago
		assertThat(value(numbers, "metric-churn")).isEqualTo("25.0%");
		assertThat(numbers.document().getElementById("metric-churn").text()).contains("1 cancelled of 4 active");
		assertThat(value(numbers, "metric-recovered")).isEqualTo("0");
		assertThat(numbers.document().select("#months tr.month")).hasSize(12);
		assertThat(numbers.document().select("#months tr.month").last().selectFirst(".month-active").text())
			.isEqualTo("3");
		assertThat(numbers.document().select("#active-chart rect.chart-bar")).hasSize(12);
		assertThat(numbers.document().select("#active-chart rect.chart-bar").last().attr("data-value")).isEqualTo("3");
		assertThat(numbers.document().select("figure.mrr-figure")).extracting((e) -> e.attr("data-currency"))
			.containsExactly("BRL", "USD");
		assertThat(numbers.document().selectFirst("#active-chart").attr("aria-labelledby"))
			.isEqualTo("active-chart-title active-chart-desc");

		// the late subscriber pays: recovered, and active again
		this.sandbox.setBehaviour(this.subscriptions.get(Requester.buyer(lateBuyer.id()), late.code()).card().token(),
				null);
		WebClient buyer = signedIn(lateBuyer);
		buyer.get("/my/subscriptions/" + late.code() + "/pay");
		Page paid = buyer.submit("/my/subscriptions/" + late.code() + "/pay", Map.of());
		assertThat(paid.document().getElementById("notice").text()).contains("Paid");
		Page after = web.get(BASE + "metrics");
		assertThat(value(after, "metric-active")).isEqualTo("4");
		assertThat(value(after, "metric-recovered")).isEqualTo("1");
		assertThat(after.document().select("#metric-recovered .recovered-amount").text()).contains("49.90");
		assertThat(after.document().select("#metric-mrr .mrr-amount").eachText()).anyMatch((t) -> t.contains("141.38"));
		assertThat(five.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(four.status()).isEqualTo(SubscriptionStatus.ACTIVE);
	}

	@Test
	void anAdminFindsAnySubscriptionByCodeOrEmailAndCancelsIt() {
		SubscriptionShop.Person producer = this.shop.producer("Adam");
		Offer plan = this.shop.plan(producer, this.shop.product(producer, "Admin club"), "Monthly",
				Money.of(1000, "BRL"), BillingPeriod.MONTHLY, 0);
		SubscriptionShop.Person buyer = this.shop.buyer("Ana");
		Subscription s = this.shop.subscribe(buyer, plan, SubscriptionShop.APPROVED_CARD);
		WebClient admin = new WebClient(this.port);
		admin.logIn(AtriumIntegrationTest.ADMIN_EMAIL, AtriumIntegrationTest.ADMIN_PASSWORD);

		assertThat(admin.get("/admin").document().select("a[href=/admin/subscriptions]")).hasSize(1);
		assertThat(admin.get("/admin/subscriptions?q=" + buyer.email()).document().select("tr.subscription"))
			.extracting((e) -> e.attr("data-code"))
			.containsExactly(s.code());
		assertThat(admin.get("/admin/subscriptions?q=nobody@example.com").text()).contains("No subscription found");
		Page found = admin.get("/admin/subscriptions?q=" + s.code());
		assertThat(found.document().select("tr.subscription a")).hasSize(1);
		Page confirm = admin.get("/admin/subscriptions/" + s.code() + "/cancel");
		assertThat(confirm.document().getElementById("confirm-lead").text()).contains(buyer.email());
		Page done = admin.submit("/admin/subscriptions/" + s.code() + "/cancel", Map.of());
		assertThat(done.document().getElementById("notice").text()).contains("cancelled");
		assertThat(done.document().selectFirst("tr.subscription").attr("data-status")).isEqualTo("CANCELLED_BY_ADMIN");
		assertThat(admin.post("/admin/subscriptions/" + s.code() + "/cancel", Map.of()).status()).isEqualTo(409);
		assertThat(admin.post("/admin/subscriptions/NOSUCH99/cancel", Map.of()).status()).isEqualTo(404);
		assertThat(this.subscriptions.get(Requester.producer(producer.id()), s.code()).status())
			.isEqualTo(SubscriptionStatus.CANCELLED_BY_ADMIN);
	}

	@Test
	void theCheckoutResultAndMyPurchasesPointToMySubscriptions() {
		SubscriptionShop.Person producer = this.shop.producer("Rui");
		Offer plan = this.shop.plan(producer, this.shop.product(producer, "Result club"), "Monthly",
				Money.of(1000, "BRL"), BillingPeriod.MONTHLY, 0);
		SubscriptionShop.Person buyer = this.shop.buyer("Ana Souza");
		WebClient web = signedIn(buyer);
		Page form = web.get("/checkout/" + plan.code());
		Map<String, String> fields = new java.util.HashMap<>(card(SubscriptionShop.APPROVED_CARD));
		fields.put("checkout_attempt", form.document().selectFirst("input[name=checkout_attempt]").attr("value"));
		fields.put("name", buyer.name());
		fields.put("email", buyer.email());
		fields.put("emailConfirmation", buyer.email());
		fields.put("document", "");
		fields.put("coupon", "");
		fields.put("method", "CARD");
		fields.put("action", "pay");
		Page result = web.submit("/checkout/" + plan.code(), fields);
		assertThat(result.document().getElementById("status").text()).isEqualTo("Approved");
		assertThat(result.document().select("#subscription-note a[href=/my/subscriptions]")).hasSize(1);
		Eventually.until("the subscription starts", () -> !this.subscriptions.ofBuyer(buyer.id()).isEmpty());
		Eventually.until("the purchase knows its subscription",
				() -> !web.get("/purchases").document().select(".subscription-note").isEmpty());
		assertThat(web.get("/purchases").document().select(".subscription-note a[href=/my/subscriptions]")).hasSize(1);
		assertThat(this.subscriptions.charges(this.subscriptions.ofBuyer(buyer.id()).get(0)))
			.extracting(io.atrium.checkout.Purchase::status)
			.containsExactly(PurchaseStatus.APPROVED);
	}

	private WebClient signedIn(SubscriptionShop.Person person) {
		WebClient web = new WebClient(this.port);
		Page home = web.logIn(person.email(), SubscriptionShop.PASSWORD);
		assertThat(home.status()).isEqualTo(200);
		return web;
	}

	private static List<String> codes(Page page) {
		return page.document().select("#subscriptions tr.subscription").eachAttr("data-code");
	}

	private static String value(Page page, String id) {
		return page.document().getElementById(id).selectFirst(".metric-value").text();
	}

	static Map<String, String> card(String number) {
		return Map.of("cardNumber", number, "cardHolder", "ANA SOUZA", "cardExpMonth", "12", "cardExpYear", "2099",
				"cardCvc", "123");
	}

}
