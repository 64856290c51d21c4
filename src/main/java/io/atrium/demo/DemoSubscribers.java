package io.atrium.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.atrium.checkout.Buyer;
import io.atrium.checkout.DeclineReason;
import io.atrium.subscriptions.Actor;
import io.atrium.subscriptions.ImportedSubscription;
import io.atrium.subscriptions.ImportedSubscription.Cancel;
import io.atrium.subscriptions.ImportedSubscription.Pay;
import io.atrium.subscriptions.ImportedSubscription.Reactivate;
import io.atrium.subscriptions.PaymentCard;

/**
 * Who subscribed to the demo's plans, when, and what happened since: one story for each
 * status a subscription reaches (ACTIVE in its trial, renewed for months, recovered by a
 * retry, by a new card or after being overdue, reactivated; DELAYED on a soft and on a
 * hard decline; OVERDUE with one and with two unpaid charges; INACTIVE after a limited
 * plan's last charge; cancelled by the subscriber, the producer, an admin and
 * automatically after five unpaid charges), two subscribers of the external pass, and a
 * few dozen more over the last year for the metrics. STARTED is not among them: plans are
 * paid by card, decided at once, so Atrium never leaves a subscription STARTED. Dates
 * count back from now in the producer's zone; deterministic otherwise.
 */
final class DemoSubscribers {

	/** An approved card that renews (the sandbox's test cards: docs/payments.md). */
	static final String VISA = "4111111111111111";

	/** Another approved card (a subscriber's new card). */
	static final String MASTERCARD = "5555555555554444";

	/** Approved when stored; every later charge refused for insufficient funds. */
	static final String RENEWAL_INSUFFICIENT_FUNDS = "4000000000349995";

	/** Approved when stored; every later charge declined by the bank. */
	static final String RENEWAL_DECLINED = "4000000000340002";

	/** Approved when stored; every later charge refused as a stolen card. */
	static final String RENEWAL_STOLEN_CARD = "4000000000349979";

	private static final String[] FIRST = { "Mariana", "Thiago", "Renata", "Gustavo", "Letícia", "Felipe", "Valentina",
			"Matteo", "Lucía", "Paolo", "Emma", "Samuel" };

	private static final String[] LAST = { "Barbosa", "Cardoso", "Moreira", "Teixeira" };

	private static final String[] LANGUAGES = { "pt-BR", "pt-BR", "pt-BR", "es", "it", "en" };

	/** Subscribers besides the stories, spread over the last year. */
	static final int MORE = 24;

	private final String monthly;

	private final String annual;

	private final String limited;

	private final String pass;

	private final Instant now;

	private final ZoneId zone;

	/**
	 * @param monthly the monthly plan's offer code
	 * @param annual the annual plan (with a trial)
	 * @param limited the plan of six monthly charges
	 * @param pass the external area's monthly pass, or null
	 * @param now the instant
	 * @param zone the producer's zone
	 */
	DemoSubscribers(String monthly, String annual, String limited, String pass, Instant now, ZoneId zone) {
		this.monthly = monthly;
		this.annual = annual;
		this.limited = limited;
		this.pass = pass;
		this.now = now;
		this.zone = zone;
	}

	List<Subscriber> all() {
		List<Subscriber> all = new ArrayList<>();
		all.add(story("helena.duarte", "Helena Duarte", "pt-BR",
				(id, b, cards) -> ImportedSubscription.of(this.monthly, id, b, cards.card(VISA), ago(7, 3))));
		all.add(story("rafael.lima", "Rafael Lima", "pt-BR",
				(id, b, cards) -> ImportedSubscription.of(this.monthly, id, b, cards.card(VISA), ago(5, 1))
					.withDeclines(3, DeclineReason.INSUFFICIENT_FUNDS, DeclineReason.INSUFFICIENT_FUNDS)));
		all.add(story("sofia.romero", "Sofía Romero", "es",
				(id, b, cards) -> ImportedSubscription.of(this.annual, id, b, cards.card(VISA), days(3))));
		all.add(story("giulia.bianchi", "Giulia Bianchi", "it",
				(id, b, cards) -> ImportedSubscription.of(this.annual, id, b, cards.card(MASTERCARD), days(300))));
		all.add(story("ines.ferreira", "Inês Ferreira", "pt-BR",
				(id, b, cards) -> ImportedSubscription.of(this.annual, id, b, cards.card(VISA), days(5))
					.with(new Cancel(Actor.BUYER, days(1)))));
		// due two days ago and refused, retried yesterday: DELAYED, next retry ahead
		all.add(story("pedro.alves", "Pedro Alves", "pt-BR",
				(id, b, cards) -> ImportedSubscription
					.of(this.monthly, id, b, cards.card(RENEWAL_INSUFFICIENT_FUNDS), ago(2, 2))
					.withDeclines(3, soft(DeclineReason.INSUFFICIENT_FUNDS))));
		all.add(story("lucas.martins", "Lucas Martins", "en",
				(id, b, cards) -> ImportedSubscription
					.of(this.monthly, id, b, cards.card(RENEWAL_STOLEN_CARD), ago(2, 3))
					.withDeclines(3, DeclineReason.STOLEN_CARD)));
		all.add(story("marina.costa", "Marina Costa", "pt-BR",
				(id, b, cards) -> ImportedSubscription.of(this.monthly, id, b, cards.card(RENEWAL_DECLINED), ago(3, 15))
					.withDeclines(4, soft(DeclineReason.DECLINED))));
		all.add(story("nicolas.herrera", "Nicolás Herrera", "es",
				(id, b, cards) -> ImportedSubscription
					.of(this.monthly, id, b, cards.card(RENEWAL_INSUFFICIENT_FUNDS), ago(1, 45))
					.withDeclines(2, soft(DeclineReason.INSUFFICIENT_FUNDS))));
		all.add(story("francesca.greco", "Francesca Greco", "it",
				(id, b, cards) -> ImportedSubscription.of(this.limited, id, b, cards.card(VISA), ago(7, 10))));
		all.add(story("beatriz.rocha", "Beatriz Rocha", "pt-BR",
				(id, b, cards) -> ImportedSubscription.of(this.monthly, id, b, cards.card(VISA), ago(6, 0))
					.with(new Cancel(Actor.BUYER, days(40)))));
		all.add(story("tomas.pereira", "Tomás Pereira", "pt-BR",
				(id, b, cards) -> ImportedSubscription.of(this.monthly, id, b, cards.card(VISA), ago(2, 10))
					.with(new Cancel(Actor.BUYER, days(5)))));
		all.add(story("elena.conti", "Elena Conti", "it",
				(id, b, cards) -> ImportedSubscription.of(this.monthly, id, b, cards.card(MASTERCARD), ago(5, 0))
					.with(new Cancel(Actor.PRODUCER, days(50)))));
		// refused from the third charge on: overdue, then cancelled after five unpaid
		all.add(story("jorge.navarro", "Jorge Navarro", "es",
				(id, b, cards) -> ImportedSubscription
					.of(this.monthly, id, b, cards.card(RENEWAL_INSUFFICIENT_FUNDS), ago(9, 0))
					.withDeclines(3, soft(DeclineReason.INSUFFICIENT_FUNDS))));
		all.add(story("ana.ribeiro", "Ana Paula Ribeiro", "pt-BR",
				(id, b, cards) -> ImportedSubscription.of(this.monthly, id, b, cards.card(VISA), ago(4, 0))
					.with(new Cancel(Actor.ADMIN, days(20)))));
		all.add(story("camila.freitas", "Camila Freitas", "pt-BR",
				(id, b, cards) -> ImportedSubscription.of(this.monthly, id, b, cards.card(VISA), ago(8, 0))
					.with(new Cancel(Actor.BUYER, days(120)))
					.with(new Reactivate(days(60)))));
		// an expired card refused; two days later the subscriber gave a new one
		ZonedDateTime diegoStart = zoned(3, 20);
		all.add(story("diego.torres", "Diego Torres", "es",
				(id, b, cards) -> ImportedSubscription.of(this.monthly, id, b, cards.card(VISA), diegoStart.toInstant())
					.withDeclines(3, DeclineReason.EXPIRED_CARD)
					.with(new Pay(cards.card(MASTERCARD), dueDate(diegoStart, 2).plus(Duration.ofDays(2))))));
		// overdue for a few days, then paid on the subscription page
		ZonedDateTime oliviaStart = zoned(4, 0);
		all.add(story("olivia.mendes", "Olívia Mendes", "pt-BR",
				(id, b, cards) -> ImportedSubscription
					.of(this.monthly, id, b, cards.card(VISA), oliviaStart.toInstant())
					.withDeclines(2, soft(DeclineReason.INSUFFICIENT_FUNDS))
					.with(new Pay(null, dueDate(oliviaStart, 1).plus(Duration.ofDays(14))))));
		if (this.pass != null) {
			all.add(story("hugo.almeida", "Hugo Almeida", "pt-BR",
					(id, b, cards) -> ImportedSubscription.of(this.pass, id, b, cards.card(VISA), days(100))));
			all.add(story("karina.souza", "Karina Souza", "pt-BR",
					(id, b, cards) -> ImportedSubscription.of(this.pass, id, b, cards.card(VISA), days(80))
						.with(new Cancel(Actor.BUYER, days(30)))));
		}
		all.addAll(more());
		return all;
	}

	// subscribers over the last year: some cancel, some recover from a refused charge
	private List<Subscriber> more() {
		Random random = new Random(20261207L);
		List<Subscriber> more = new ArrayList<>();
		for (int n = 0; n < MORE; n++) {
			int i = n;
			String name = FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length + i) % LAST.length];
			String language = LANGUAGES[i % LANGUAGES.length];
			boolean annualPlan = random.nextInt(100) < 25;
			int startedDaysAgo = 20 + random.nextInt(345);
			int roll = random.nextInt(100);
			int cancelDaysAgo = random.nextInt(Math.max(1, startedDaysAgo - 15));
			int refused = 2 + random.nextInt(3);
			more.add(story("assinante" + (i + 1), name, language, (id, b, cards) -> {
				ImportedSubscription s = ImportedSubscription.of(annualPlan ? this.annual : this.monthly, id, b,
						cards.card((i % 3 == 0) ? MASTERCARD : VISA), days(startedDaysAgo));
				if (roll < 20 && !annualPlan) {
					s = s.withDeclines(refused, DeclineReason.INSUFFICIENT_FUNDS);
				}
				if (roll >= 70) {
					s = s.with(new Cancel(Actor.BUYER, days(cancelDaysAgo)));
				}
				return s;
			}));
		}
		return more;
	}

	private static DeclineReason[] soft(DeclineReason reason) {
		// the first attempt and every retry of the default dunning
		return new DeclineReason[] { reason, reason, reason, reason, reason };
	}

	private Instant days(int daysAgo) {
		return this.now.minus(Duration.ofDays(daysAgo)).minus(Duration.ofHours(2));
	}

	private Instant ago(int months, int days) {
		return zoned(months, days).toInstant();
	}

	private ZonedDateTime zoned(int months, int days) {
		return this.now.atZone(this.zone).minusDays(days).minusMonths(months);
	}

	// the start of the day of the n-th monthly charge after the start
	private Instant dueDate(ZonedDateTime start, int months) {
		return start.plusMonths(months).toLocalDate().atStartOfDay(this.zone).toInstant();
	}

	private static Subscriber story(String user, String name, String language, Story story) {
		return new Subscriber(user + "@demo.atrium.test", name, Locale.forLanguageTag(language), story);
	}

	/** Stores a card for one subscriber in the sandbox gateway. */
	@FunctionalInterface
	interface Cards {

		PaymentCard card(String number);

	}

	/** What happened to one subscriber's subscription. */
	@FunctionalInterface
	interface Story {

		ImportedSubscription of(long accountId, Buyer buyer, Cards cards);

	}

	/**
	 * A demo subscriber.
	 *
	 * @param email their e-mail
	 * @param name their name
	 * @param locale their language
	 * @param story their subscription
	 */
	record Subscriber(String email, String name, Locale locale, Story story) {

		ImportedSubscription toImport(long accountId, Cards cards) {
			return this.story.of(accountId, new Buyer(this.name, this.email, null, this.locale), cards);
		}

	}

}
