package io.atrium.sales.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.atrium.accounts.Accounts;
import io.atrium.api.CompatiblePages;
import io.atrium.api.ApiClient;
import io.atrium.api.CompatibleApiController;
import io.atrium.catalog.Products;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.SalesFilter;
import io.atrium.checkout.SalesQuery;
import io.atrium.shared.Money;
import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The Hotmart-compatible sales API (hotmart-api.md §4.1 to §4.5) over the calling
 * producer's sales. Atrium charges no fee and has no affiliates, VAT or currency
 * conversion: fees and VAT are 0, the producer's commission is the whole price, and
 * conversion rates are 1.
 */
@CompatibleApiController
@Hidden
class CompatibleSalesController {

	private final SalesQuery sales;

	private final Accounts accounts;

	private final Products products;

	CompatibleSalesController(SalesQuery sales, Accounts accounts, Products products) {
		this.sales = sales;
		this.accounts = accounts;
		this.products = products;
	}

	@GetMapping("/payments/api/v1/sales/history")
	CompatiblePages.Page<HistoryItem> history(@AuthenticationPrincipal ApiClient client,
			@ModelAttribute Parameters parameters) {
		SaleFacts facts = new SaleFacts(this.accounts, this.products);
		String producerName = facts.name(client.producerAccountId());
		SalesFilter filter = parameters.filters().toFilter(client.producerAccountId());
		CompatiblePages.Request page = parameters.page();
		return page.page(this.sales.find(filter, page.offset(), page.fetch()),
				(p) -> HistoryItem.of(p, producerName, facts), this.sales.count(filter));
	}

	@GetMapping("/payments/api/v1/sales/summary")
	CompatiblePages.Page<SummaryItem> summary(@AuthenticationPrincipal ApiClient client,
			@ModelAttribute Parameters parameters) {
		SalesFilter filter = parameters.filters().toFilter(client.producerAccountId());
		return parameters.page().sliceCounted(this.sales.totals(filter), SummaryItem::of);
	}

	@GetMapping("/payments/api/v1/sales/users")
	CompatiblePages.Page<UsersItem> users(@AuthenticationPrincipal ApiClient client,
			@ModelAttribute Parameters parameters) {
		SaleFacts facts = new SaleFacts(this.accounts, this.products);
		long producer = client.producerAccountId();
		User producerUser = new User(SaleFacts.ucode(producer), null, facts.name(producer), facts.email(producer),
				null);
		return paged(client, parameters, (p) -> UsersItem.of(p, producerUser));
	}

	@GetMapping("/payments/api/v1/sales/commissions")
	CompatiblePages.Page<CommissionsItem> commissions(@AuthenticationPrincipal ApiClient client,
			@ModelAttribute Parameters parameters) {
		SaleFacts facts = new SaleFacts(this.accounts, this.products);
		Person producer = new Person(SaleFacts.ucode(client.producerAccountId()),
				facts.name(client.producerAccountId()), null);
		return paged(client, parameters, (p) -> CommissionsItem.of(p, producer));
	}

	@GetMapping("/payments/api/v1/sales/price/details")
	CompatiblePages.Page<PriceDetailsItem> priceDetails(@AuthenticationPrincipal ApiClient client,
			@ModelAttribute Parameters parameters) {
		return paged(client, parameters, PriceDetailsItem::of);
	}

	private <R> CompatiblePages.Page<R> paged(ApiClient client, Parameters parameters, Function<Purchase, R> mapper) {
		SalesFilter filter = parameters.filters().toFilter(client.producerAccountId());
		CompatiblePages.Request page = parameters.page();
		return page.page(this.sales.find(filter, page.offset(), page.fetch()), mapper, this.sales.count(filter));
	}

	/**
	 * The query parameters every sales endpoint takes (each ignores those it does not
	 * document).
	 */
	record Parameters(@BindParam("max_results") Integer maxResults, @BindParam("page_token") String pageToken,
			@BindParam("product_id") Long productId, @BindParam("start_date") Long startDate,
			@BindParam("end_date") Long endDate, @BindParam("sales_source") String salesSource, String transaction,
			@BindParam("buyer_name") String buyerName, @BindParam("buyer_email") String buyerEmail,
			@BindParam("transaction_status") List<String> transactionStatus,
			@BindParam("payment_type") String paymentType, @BindParam("offer_code") String offerCode,
			@BindParam("commission_as") String commissionAs, @BindParam("affiliate_name") String affiliateName) {

		CompatiblePages.Request page() {
			return CompatiblePages.Request.of(this.maxResults, this.pageToken);
		}

		CompatibleSalesFilters filters() {
			return new CompatibleSalesFilters(this.productId, this.startDate, this.endDate, this.salesSource,
					this.transaction, this.buyerName, this.buyerEmail, this.transactionStatus, this.paymentType,
					this.offerCode, this.commissionAs, this.affiliateName);
		}

	}

	/** {@code {"value":235.76,"currency_code":"USD"}}. */
	record Price(BigDecimal value, @JsonProperty("currency_code") String currencyCode) {

		static Price of(Money money) {
			return new Price(money.decimal(), money.currency().getCurrencyCode());
		}

	}

	/** {@code {"name","id"}}. */
	record ProductRef(String name, long id) {

		static ProductRef of(Purchase p) {
			return new ProductRef(p.terms().productName(), p.terms().productId());
		}

	}

	/** A person: {@code {"name","ucode"}} plus the e-mail for buyers. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Person(String ucode, String name, String email) {

	}

	/** §4.1 item. */
	record HistoryItem(ProductRef product, Person buyer, Person producer, PurchaseInfo purchase) {

		static HistoryItem of(Purchase p, String producerName, SaleFacts facts) {
			return new HistoryItem(ProductRef.of(p),
					new Person(SaleFacts.buyerUcode(p), p.terms().buyer().name(), p.terms().buyer().email()),
					new Person(SaleFacts.ucode(p.terms().producerAccountId()), producerName, null),
					PurchaseInfo.of(p, facts));
		}

	}

	/** §4.1 {@code purchase}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record PurchaseInfo(String transaction, @JsonProperty("order_date") long orderDate,
			@JsonProperty("approved_date") Long approvedDate, String status,
			@JsonProperty("recurrency_number") int recurrencyNumber,
			@JsonProperty("is_subscription") boolean isSubscription, @JsonProperty("commission_as") String commissionAs,
			Price price, Payment payment, Tracking tracking,
			@JsonProperty("warranty_expire_date") Long warrantyExpireDate, OfferRef offer,
			@JsonProperty("hotmart_fee") Fee hotmartFee) {

		static PurchaseInfo of(Purchase p, SaleFacts facts) {
			Instant warranty = facts.warrantyEnd(p);
			String currency = p.terms().price().currency().getCurrencyCode();
			return new PurchaseInfo(p.transaction(), p.terms().createdAt().toEpochMilli(),
					(p.approvedAt() != null) ? p.approvedAt().toEpochMilli() : null, p.status().name(), 1, false,
					"PRODUCER", Price.of(p.terms().price()),
					new Payment(SaleFacts.method(p), p.terms().installments(), p.terms().method().paymentType()),
					new Tracking(null, null, null), (warranty != null) ? warranty.toEpochMilli() : null,
					new OfferRef("UNIQUE_PAYMENT", p.terms().offerCode()),
					new Fee(BigDecimal.ZERO, BigDecimal.ZERO, currency, BigDecimal.ZERO, BigDecimal.ZERO));
		}

	}

	/** {@code payment}. */
	record Payment(String method, @JsonProperty("installments_number") int installmentsNumber, String type) {

	}

	/** {@code tracking}: Atrium records no sales source yet, so its fields are absent. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Tracking(@JsonProperty("source_sck") String sourceSck, String source,
			@JsonProperty("external_code") String externalCode) {

	}

	/** {@code offer}. */
	record OfferRef(@JsonProperty("payment_mode") String paymentMode, String code) {

	}

	/** {@code hotmart_fee}: always 0, Atrium takes no fee. */
	record Fee(BigDecimal total, BigDecimal fixed, @JsonProperty("currency_code") String currencyCode, BigDecimal base,
			BigDecimal percentage) {

	}

	/** §4.2 item. */
	record SummaryItem(@JsonProperty("total_items") long totalItems, @JsonProperty("total_value") Price totalValue) {

		static SummaryItem of(SalesQuery.CurrencyTotal total) {
			return new SummaryItem(total.count(), Price.of(total.sum()));
		}

	}

	/** §4.3 item. */
	record UsersItem(String transaction, ProductRef product, List<Participant> users) {

		static UsersItem of(Purchase p, User producer) {
			List<Participant> users = new ArrayList<>();
			users.add(new Participant("PRODUCER", producer));
			users.add(new Participant("BUYER",
					new User(SaleFacts.buyerUcode(p), p.terms().buyer().locale().toLanguageTag(),
							p.terms().buyer().name(), p.terms().buyer().email(), (p.terms().buyer().document() != null)
									? List.of(Document.of(p.terms().buyer().document())) : null)));
			return new UsersItem(p.transaction(), ProductRef.of(p), users);
		}

	}

	/** {@code {"role","user"}}. */
	record Participant(String role, User user) {

	}

	/** §4.3 {@code user}: the fields Atrium knows. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record User(String ucode, String locale, String name, String email, List<Document> documents) {

	}

	/** {@code {"value","type"}}: CPF for 11 digits, CNPJ for 14, else DOCUMENT. */
	record Document(String value, String type) {

		static Document of(String value) {
			String digits = value.replaceAll("\\D", "");
			String type = (digits.length() == 11) ? "CPF" : (digits.length() == 14) ? "CNPJ" : "DOCUMENT";
			return new Document(value, type);
		}

	}

	/** §4.4 item. */
	record CommissionsItem(String transaction, ProductRef product,
			@JsonProperty("exchange_rate_currency_payout") BigDecimal exchangeRateCurrencyPayout,
			List<Commission> commissions) {

		static CommissionsItem of(Purchase p, Person producer) {
			Money price = p.terms().price();
			return new CommissionsItem(p.transaction(), ProductRef.of(p), BigDecimal.ONE,
					List.of(new Commission(new CommissionValue(price.currency().getCurrencyCode(), price.decimal()),
							producer, "PRODUCER")));
		}

	}

	/** {@code {"commission","user","source"}}. */
	record Commission(CommissionValue commission, Person user, String source) {

	}

	/** {@code currency_value} is the currency code (hotmart-api.md §4.4). */
	record CommissionValue(@JsonProperty("currency_value") String currencyValue, BigDecimal value) {

	}

	/** §4.5 item. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record PriceDetailsItem(String transaction, ProductRef product, Price base, Price total, Price vat, Price fee,
			Coupon coupon, @JsonProperty("real_conversion_rate") BigDecimal realConversionRate) {

		static PriceDetailsItem of(Purchase p) {
			Money list = p.terms().listPrice();
			Money price = p.terms().price();
			Price zero = Price.of(price.withAmount(0));
			Coupon coupon = (p.terms().couponCode() != null) ? new Coupon(p.terms().couponCode(),
					list.withAmount(list.amountMinor() - price.amountMinor()).decimal()) : null;
			return new PriceDetailsItem(p.transaction(), ProductRef.of(p), Price.of(list), Price.of(price), zero, zero,
					coupon, BigDecimal.ONE);
		}

	}

	/** {@code {"code","value"}}: the discount given, in the sale's currency. */
	record Coupon(String code, BigDecimal value) {

	}

}
