package io.atrium.checkout.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import io.atrium.checkout.Charge;
import io.atrium.checkout.ChargeRequest;
import io.atrium.checkout.ChargeStatus;
import io.atrium.checkout.DeclineReason;
import io.atrium.checkout.PaymentGateway;
import io.atrium.checkout.PaymentMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The built-in test-mode processor ({@code atrium.payments.gateway=sandbox}, the
 * default). It keeps its charges in its own table, {@code sandbox_charges}, as a real
 * processor keeps them on its side, one per idempotency key. Cards follow
 * {@link SandboxCards}; PIX (30 minutes, a real BR Code: {@link PixPayload}) and billet
 * (3 days, a well-formed line: {@link BilletLine}) stay pending until someone marks them
 * paid on the sandbox page {@code /sandbox/payments/{id}}. Stores only a card's brand and
 * last four digits.
 * <p>
 * Its vault ({@code sandbox_payment_methods}) keeps the cards a charge asked to store, by
 * token ({@code pm_…}): brand, last four digits and expiry, never the number or CVC, plus
 * how their later charges are answered (the renewal test cards, or {@link #setBehaviour}
 * and the sandbox page {@code /sandbox/payment-methods/{token}}).
 */
@Service
@ConditionalOnProperty(name = "atrium.payments.gateway", havingValue = "sandbox", matchIfMissing = true)
public class SandboxGateway implements PaymentGateway {

	static final Duration PIX_VALIDITY = Duration.ofMinutes(30);

	static final Duration BILLET_VALIDITY = Duration.ofDays(3);

	private static final Logger log = LoggerFactory.getLogger(SandboxGateway.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Bank code 999 belongs to no bank: sandbox billets cannot be paid anywhere. */
	private static final String SANDBOX_BANK = "999";

	private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SandboxVault vault;

	SandboxGateway(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.vault = new SandboxVault(jdbc);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * A typed card is decided by {@link SandboxCards}; with
	 * {@link ChargeRequest#storeMethod()} an approved card (or, for a zero amount, a
	 * verified one) is stored and its token answered, a declined one stores nothing. A
	 * {@link ChargeRequest#paymentToken()} charges a stored card: an unknown token is an
	 * invalid card, a card whose expiry month is over (by the clock) an expired one,
	 * otherwise the stored behaviour decides ({@link #setBehaviour}).
	 * @throws IllegalArgumentException when both a card and a token are given
	 */
	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Charge charge(ChargeRequest request) {
		Optional<Charge> earlier = find(request.idempotencyKey());
		if (earlier.isPresent()) {
			return earlier.get();
		}
		if (request.method() == PaymentMethod.CARD && request.card() != null && request.paymentToken() != null) {
			throw new IllegalArgumentException("Charge a typed card or a stored payment method, not both");
		}
		Instant now = this.clock.instant();
		YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
		Decision decision = switch (request.method()) {
			case CARD ->
				(request.card() != null) ? typedCard(request, month) : storedCard(request.paymentToken(), month);
			case PIX -> Decision.pending(pixPayload(request), null, now.plus(PIX_VALIDITY));
			case BILLET -> Decision.pending(null,
					BilletLine.issue(SANDBOX_BANK, request.amount(),
							LocalDate.ofInstant(now.plus(BILLET_VALIDITY), SAO_PAULO), RANDOM),
					now.plus(BILLET_VALIDITY));
		};
		String id = "sbx_" + HexFormat.of().formatHex(bytes(12));
		// a concurrent call with the same key waits for the first row, then answers it
		int inserted = this.jdbc.sql("""
				INSERT INTO sandbox_charges (id, idempotency_key, status, method, amount_minor, currency,
				  decline_reason, card_brand, card_last4, pix_code, billet_barcode, expires_at, description,
				  payment_token, installments, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
				""")
			.params(id, request.idempotencyKey(), decision.status().name(), request.method().name(),
					request.amount().amountMinor(), request.amount().currency().getCurrencyCode(),
					(decision.reason() != null) ? decision.reason().name() : null, decision.brand(), decision.last4(),
					decision.pix(), decision.billet(), Times.utc(decision.expires()), truncate(request.description()),
					decision.token(), request.installments(), Times.utc(now), Times.utc(now))
			.update();
		if (inserted == 0) {
			return find(request.idempotencyKey()).orElseThrow();
		}
		if (decision.store()) {
			this.vault.store(decision.token(), request.card(), SandboxCards.laterCharges(request.card()), now);
		}
		log.info("Sandbox charge {} for {}: {} {}{}{}", id, request.idempotencyKey(), decision.status(),
				(decision.reason() != null) ? decision.reason() : "", decision.store() ? " (card stored)" : "",
				(request.installments() > 1) ? " in " + request.installments() + " installments" : "");
		return find(request.idempotencyKey()).orElseThrow();
	}

	private Decision typedCard(ChargeRequest request, YearMonth month) {
		DeclineReason reason = SandboxCards.decide(request.card(), month);
		boolean store = reason == null && request.storeMethod();
		return new Decision((reason == null) ? ChargeStatus.APPROVED : ChargeStatus.DECLINED, reason,
				request.card().brand(), request.card().last4(), null, null, null,
				store ? "pm_" + HexFormat.of().formatHex(bytes(12)) : null, store);
	}

	private Decision storedCard(String token, YearMonth month) {
		Optional<SandboxPaymentMethod> stored = this.vault.find(token);
		if (stored.isEmpty()) {
			return new Decision(ChargeStatus.DECLINED, DeclineReason.INVALID_CARD, null, null, null, null, null, null,
					false);
		}
		SandboxPaymentMethod method = stored.get();
		DeclineReason reason = SandboxCards.expired(method.expMonth(), method.expYear(), month)
				? DeclineReason.EXPIRED_CARD : method.declinesWith();
		return new Decision((reason == null) ? ChargeStatus.APPROVED : ChargeStatus.DECLINED, reason,
				method.cardBrand(), method.cardLast4(), null, null, null, method.token(), false);
	}

	/**
	 * A BR Code with a random key of the sandbox's own and a random transaction id: a
	 * real banking app reads it, and nothing can be paid to it.
	 */
	private static String pixPayload(ChargeRequest request) {
		boolean brl = "BRL".equals(request.amount().currency().getCurrencyCode());
		return PixPayload.of(UUID.nameUUIDFromBytes(bytes(16)).toString(), brl ? request.amount() : null,
				"ATRIUM SANDBOX", "SAO PAULO", "SBX" + HexFormat.of().formatHex(bytes(11)).toUpperCase());
	}

	/**
	 * A stored card, for the sandbox page.
	 * @param token the stored method's token
	 * @return the stored card, empty when the token is unknown
	 */
	@Transactional(readOnly = true)
	public Optional<SandboxPaymentMethod> paymentMethod(String token) {
		return this.vault.find(token);
	}

	/**
	 * Changes how the sandbox answers the later charges of a stored card, as a
	 * processor's test dashboard does. An expired card stays declined as expired whatever
	 * is set.
	 * @param token the stored method's token
	 * @param declinesWith the reason every later charge is declined with; null to approve
	 * them
	 * @return whether the token is known (nothing changes otherwise)
	 */
	@Transactional
	public boolean setBehaviour(String token, DeclineReason declinesWith) {
		return this.vault.declineLaterChargesWith(token, declinesWith, this.clock.instant());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Charge> find(String idempotencyKey) {
		return this.jdbc.sql("SELECT * FROM sandbox_charges WHERE idempotency_key = ?")
			.param(idempotencyKey)
			.query(SandboxGateway::charge)
			.optional();
	}

	/**
	 * @param idempotencyKey the key a charge was made with
	 * @return how many installments it was asked to bill, empty when there is no charge
	 */
	@Transactional(readOnly = true)
	public Optional<Integer> installments(String idempotencyKey) {
		return this.jdbc.sql("SELECT installments FROM sandbox_charges WHERE idempotency_key = ?")
			.param(idempotencyKey)
			.query(Integer.class)
			.optional();
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Charge refund(String idempotencyKey) {
		int changed = this.jdbc
			.sql("UPDATE sandbox_charges SET status = 'REFUNDED', updated_at = ? "
					+ "WHERE idempotency_key = ? AND status IN ('APPROVED', 'REFUNDED')")
			.params(Times.utc(this.clock.instant()), idempotencyKey)
			.update();
		if (changed == 0) {
			throw new IllegalStateException("No approved sandbox charge for " + idempotencyKey);
		}
		return find(idempotencyKey).orElseThrow();
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Optional<Charge> expire(String idempotencyKey) {
		this.jdbc
			.sql("UPDATE sandbox_charges SET status = 'EXPIRED', updated_at = ? "
					+ "WHERE idempotency_key = ? AND status = 'PENDING'")
			.params(Times.utc(this.clock.instant()), idempotencyKey)
			.update();
		return find(idempotencyKey);
	}

	/**
	 * A sandbox charge by its id, for the sandbox page.
	 * @param chargeId the charge id
	 * @return the charge and what it is for
	 */
	@Transactional(readOnly = true)
	public Optional<SandboxCharge> byId(String chargeId) {
		return this.jdbc.sql("SELECT * FROM sandbox_charges WHERE id = ?")
			.param(chargeId)
			.query((rs, n) -> new SandboxCharge(charge(rs, n),
					io.atrium.shared.Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
					PaymentMethod.valueOf(rs.getString("method")), rs.getString("description")))
			.optional();
	}

	/**
	 * Marks a pending PIX or billet paid, as the buyer's bank would.
	 * @param chargeId the charge id
	 * @return the charge's idempotency key when it was pending and unexpired; empty
	 * otherwise
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Optional<String> markPaid(String chargeId) {
		Instant now = this.clock.instant();
		int changed = this.jdbc
			.sql("UPDATE sandbox_charges SET status = 'APPROVED', updated_at = ? "
					+ "WHERE id = ? AND status = 'PENDING' AND expires_at > ?")
			.params(Times.utc(now), chargeId, Times.utc(now))
			.update();
		if (changed == 0) {
			return Optional.empty();
		}
		return byId(chargeId).map((c) -> c.charge().idempotencyKey());
	}

	private static Charge charge(ResultSet rs, int row) throws SQLException {
		String reason = rs.getString("decline_reason");
		return new Charge(rs.getString("id"), rs.getString("idempotency_key"),
				ChargeStatus.valueOf(rs.getString("status")), (reason != null) ? DeclineReason.valueOf(reason) : null,
				rs.getString("card_brand"), rs.getString("card_last4"), rs.getString("pix_code"),
				rs.getString("billet_barcode"), Times.instant(rs, "expires_at"), rs.getString("payment_token"));
	}

	private static byte[] bytes(int n) {
		byte[] bytes = new byte[n];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private static String truncate(String text) {
		return (text == null || text.length() <= 200) ? text : text.substring(0, 200);
	}

	/**
	 * What the sandbox answers a charge, before it is recorded.
	 */
	private record Decision(ChargeStatus status, DeclineReason reason, String brand, String last4, String pix,
			String billet, Instant expires, String token, boolean store) {

		static Decision pending(String pix, String billet, Instant expires) {
			return new Decision(ChargeStatus.PENDING, null, null, null, pix, billet, expires, null, false);
		}

	}

	/**
	 * A sandbox charge with what it is for.
	 *
	 * @param charge the charge
	 * @param amount its amount
	 * @param method how it is paid
	 * @param description what is bought
	 */
	public record SandboxCharge(Charge charge, io.atrium.shared.Money amount, PaymentMethod method,
			String description) {

	}

}
