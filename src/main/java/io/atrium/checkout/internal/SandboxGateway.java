package io.atrium.checkout.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

import io.atrium.checkout.Charge;
import io.atrium.checkout.ChargeRequest;
import io.atrium.checkout.ChargeStatus;
import io.atrium.checkout.DeclineReason;
import io.atrium.checkout.PaymentGateway;
import io.atrium.checkout.PaymentMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The built-in test-mode processor ({@code atrium.payments.gateway=sandbox}, the
 * default). It keeps its charges in its own table, {@code sandbox_charges}, as a real
 * processor keeps them on its side, one per idempotency key. Cards follow
 * {@link SandboxCards}; PIX (30 minutes) and billet (3 days) stay pending until someone
 * marks them paid on the sandbox page {@code /sandbox/payments/{id}}. Stores only a
 * card's brand and last four digits.
 */
@Service
@ConditionalOnProperty(name = "atrium.payments.gateway", havingValue = "sandbox", matchIfMissing = true)
public class SandboxGateway implements PaymentGateway {

	static final Duration PIX_VALIDITY = Duration.ofMinutes(30);

	static final Duration BILLET_VALIDITY = Duration.ofDays(3);

	private static final Logger log = LoggerFactory.getLogger(SandboxGateway.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	SandboxGateway(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Charge charge(ChargeRequest request) {
		Optional<Charge> earlier = find(request.idempotencyKey());
		if (earlier.isPresent()) {
			return earlier.get();
		}
		Instant now = this.clock.instant();
		String id = "sbx_" + HexFormat.of().formatHex(bytes(12));
		ChargeStatus status = ChargeStatus.PENDING;
		DeclineReason reason = null;
		String brand = null;
		String last4 = null;
		String pix = null;
		String billet = null;
		Instant expires = null;
		if (request.method() == PaymentMethod.CARD) {
			reason = SandboxCards.decide(request.card(), YearMonth.from(now.atZone(ZoneOffset.UTC)));
			status = (reason == null) ? ChargeStatus.APPROVED : ChargeStatus.DECLINED;
			brand = request.card().brand();
			last4 = request.card().last4();
		}
		else if (request.method() == PaymentMethod.PIX) {
			pix = "00020126580014br.gov.bcb.pix0136" + HexFormat.of().formatHex(bytes(16)) + "5204000053039865802BR"
					+ "5913ATRIUM SANDBOX6009SAO PAULO62070503***6304"
					+ HexFormat.of().formatHex(bytes(2)).toUpperCase();
			expires = now.plus(PIX_VALIDITY);
		}
		else {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < 47; i++) {
				line.append(RANDOM.nextInt(10));
			}
			billet = line.toString();
			expires = now.plus(BILLET_VALIDITY);
		}
		try {
			this.jdbc.sql("""
					INSERT INTO sandbox_charges (id, idempotency_key, status, method, amount_minor, currency,
					  decline_reason, card_brand, card_last4, pix_code, billet_barcode, expires_at, description,
					  created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(id, request.idempotencyKey(), status.name(), request.method().name(),
						request.amount().amountMinor(), request.amount().currency().getCurrencyCode(),
						(reason != null) ? reason.name() : null, brand, last4, pix, billet, Times.utc(expires),
						truncate(request.description()), Times.utc(now), Times.utc(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			return find(request.idempotencyKey()).orElseThrow(() -> ex);
		}
		log.info("Sandbox charge {} for {}: {} {}", id, request.idempotencyKey(), status,
				(reason != null) ? reason : "");
		return find(request.idempotencyKey()).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Charge> find(String idempotencyKey) {
		return this.jdbc.sql("SELECT * FROM sandbox_charges WHERE idempotency_key = ?")
			.param(idempotencyKey)
			.query(SandboxGateway::charge)
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
				rs.getString("billet_barcode"), Times.instant(rs, "expires_at"), null);
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
