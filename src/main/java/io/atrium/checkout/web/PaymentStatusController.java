package io.atrium.checkout.web;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.atrium.checkout.Purchase;
import io.atrium.checkout.Purchases;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the waiting page of a PIX or billet asks for: the purchase's status, polled every
 * few seconds until the payment is confirmed, and the PIX code's QR image. Only for the
 * browser that made the purchase (and admins), like the page itself; anyone else gets a
 * 404 that tells nothing.
 */
@RestController
class PaymentStatusController {

	/** The QR image's width and height in pixels. */
	static final int QR_SIZE = 288;

	private final Purchases purchases;

	private final PaymentsSession session;

	PaymentStatusController(Purchases purchases, PaymentsSession session) {
		this.purchases = purchases;
		this.session = session;
	}

	@GetMapping(path = "/checkout/purchases/{transaction}/status", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> status(@PathVariable String transaction, HttpSession http) {
		Purchase purchase = visible(transaction, http);
		if (purchase == null) {
			return ResponseEntity.status(404).body(Map.of("error", "not_found"));
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(Map.of("status", purchase.status().name(), "paid", purchase.status().paid(), "pending",
					purchase.status().pending()));
	}

	@GetMapping(path = "/checkout/purchases/{transaction}/pix.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> pixQrCode(@PathVariable String transaction, HttpSession http) {
		Purchase purchase = visible(transaction, http);
		if (purchase == null || purchase.payment().pixCode() == null) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(30, TimeUnit.MINUTES).cachePrivate())
			.body(QrImages.png(purchase.payment().pixCode(), QR_SIZE));
	}

	private Purchase visible(String transaction, HttpSession http) {
		return this.session.mayView(http, transaction) ? this.purchases.byTransaction(transaction).orElse(null) : null;
	}

}
