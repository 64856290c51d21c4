package io.atrium.sales.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.atrium.accounts.ProducerTimeZones;
import io.atrium.accounts.SignedInAccount;
import io.atrium.catalog.ProductFilter;
import io.atrium.catalog.Products;
import io.atrium.checkout.InstallmentsLine;
import io.atrium.checkout.MoneyText;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.SalesFilter;
import io.atrium.checkout.SalesQuery;
import io.atrium.platform.CsvRows;
import io.atrium.platform.Dates;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The producer's sales page ({@code /business/sales}) and its CSV export
 * ({@code /business/sales.csv}), over the signed-in producer's own sales only.
 */
@Controller
class SalesPageController {

	static final int PAGE_SIZE = 50;

	/** The most rows one CSV export holds. */
	static final int CSV_MAX = 100_000;

	private final SalesQuery sales;

	private final Products products;

	private final ProducerTimeZones zones;

	private final Clock clock;

	SalesPageController(SalesQuery sales, Products products, ProducerTimeZones zones, Clock clock) {
		this.sales = sales;
		this.products = products;
		this.zones = zones;
		this.clock = clock;
	}

	@GetMapping("/business/sales")
	String page(@AuthenticationPrincipal SignedInAccount me, @ModelAttribute("form") SalesForm form, Locale locale,
			Model model) {
		long producer = me.accountId().value();
		ZoneId zone = this.zones.of(producer);
		SalesFilter filter = form.toFilter(producer, this.clock, zone);
		int page = form.pageNumber();
		List<Purchase> found = this.sales.find(filter, (long) (page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
		LocalDate from = form.fromDay(this.clock, zone);
		LocalDate to = form.toDay(this.clock, zone);
		SalesFilter paid = filter.onlyStatuses(SalesForm.PAID);
		model.addAttribute("from", from.toString());
		model.addAttribute("to", to.toString());
		model.addAttribute("status", form.statusText());
		model.addAttribute("statuses", Arrays.stream(PurchaseStatus.values()).map(Enum::name).toList());
		model.addAttribute("products", this.products.list(producer, new ProductFilter(null, null, null), null, 0, 500));
		model.addAttribute("rows", found.stream().limit(PAGE_SIZE).map((p) -> SaleRow.of(p, zone, locale)).toList());
		model.addAttribute("count", this.sales.count(filter));
		model.addAttribute("page", page);
		model.addAttribute("hasNext", found.size() > PAGE_SIZE);
		model.addAttribute("totals", this.sales.totals(paid)
			.stream()
			.map((t) -> new Total(t.sum().currency().getCurrencyCode(), t.count(), MoneyText.format(t.sum(), locale)))
			.toList());
		model.addAttribute("chart", SalesChart.of(from, to, this.sales.daily(paid, zone), locale));
		return "sales/sales";
	}

	@GetMapping("/business/sales.csv")
	void csv(@AuthenticationPrincipal SignedInAccount me, @ModelAttribute("form") SalesForm form,
			HttpServletResponse response) throws IOException {
		ZoneId zone = this.zones.of(me.accountId().value());
		SalesFilter filter = form.toFilter(me.accountId().value(), this.clock, zone);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"sales-" + form.fromDay(this.clock, zone) + "-"
				+ form.toDay(this.clock, zone) + ".csv\"");
		response.setHeader("Cache-Control", "no-store");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		CsvRows.row(out, List.of("transaction", "order_date", "approved_date", "product_id", "product", "buyer_name",
				"buyer_email", "status", "price", "currency", "payment_type", "offer_code", "coupon_code"));
		DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
		int batch = 500;
		for (long offset = 0; offset < CSV_MAX; offset += batch) {
			List<Purchase> found = this.sales.find(filter, offset, batch);
			for (Purchase p : found) {
				CsvRows.row(out, List.of(p.transaction(), iso.format(p.terms().createdAt()),
						(p.approvedAt() != null) ? iso.format(p.approvedAt()) : "",
						String.valueOf(p.terms().productId()), p.terms().productName(), p.terms().buyer().name(),
						p.terms().buyer().email(), p.status().name(), p.terms().price().decimal().toPlainString(),
						p.terms().price().currency().getCurrencyCode(), p.terms().method().paymentType(),
						p.terms().offerCode(), (p.terms().couponCode() != null) ? p.terms().couponCode() : ""));
			}
			if (found.size() < batch) {
				break;
			}
		}
		out.flush();
	}

	/**
	 * One table row.
	 */
	record SaleRow(String transaction, String date, String product, String buyerName, String buyerEmail, String status,
			String price, String method, InstallmentsLine installments) {

		static SaleRow of(Purchase p, ZoneId zone, Locale locale) {
			return new SaleRow(p.transaction(), Dates.show(p.terms().createdAt(), zone, locale),
					p.terms().productName(), p.terms().buyer().name(), p.terms().buyer().email(), p.status().name(),
					MoneyText.format(p.terms().price(), locale), p.terms().method().name(),
					InstallmentsLine.paid(p.terms(), locale));
		}

	}

	/**
	 * Paid sales of one currency.
	 */
	record Total(String currency, long count, String sum) {

	}

}
