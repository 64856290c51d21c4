package io.atrium.catalog;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import io.atrium.api.ApiCredentials;
import io.atrium.shared.Money;
import io.atrium.support.AtriumIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Hotmart-compatible products, offers, plans and coupons endpoints answer the shapes
 * of hotmart-api.md §5, field by field, with §2.1 errors and §2.3 pagination.
 */
@AtriumIntegrationTest
@AutoConfigureTestRestTemplate
class CompatibleProductsApiIntegrationTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	JsonMapper json;

	@Autowired
	ApiCredentials credentials;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	Coupons coupons;

	ApiCaller api;

	@BeforeEach
	void producer() {
		this.api = ApiCaller.newProducer(this.http, this.json, this.credentials);
	}

	Product product(String name, ProductFormat format, ProductStatus status) {
		return this.products.create(this.api.producer,
				new ProductDetails(name, "", "help@example.com", format, status, 7, Delivery.membersArea()),
				ImageChange.keep());
	}

	static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

	@Test
	void productsHaveTheDocumentedFieldsAndFilters() {
		Product course = product("Course", ProductFormat.ONLINE_COURSE, ProductStatus.ACTIVE);
		Product club = product("Club", ProductFormat.SUBSCRIPTION, ProductStatus.DRAFT);
		JsonNode page = this.api.get("/products/api/v1/products");
		assertThat(names(page)).containsExactly("items", "page_info");
		assertThat(names(page.path("page_info"))).containsExactly("results_per_page");
		assertThat(page.path("page_info").path("results_per_page").asInt()).isEqualTo(2);
		JsonNode item = page.path("items").get(0);
		assertThat(names(item)).containsExactlyInAnyOrder("id", "name", "ucode", "status", "created_at", "format",
				"is_subscription", "warranty_period");
		assertThat(item.path("id").isIntegralNumber()).isTrue();
		assertThat(item.path("id").asLong()).isEqualTo(course.id());
		assertThat(item.path("name").asString()).isEqualTo("Course");
		assertThat(item.path("ucode").asString()).isEqualTo(course.ucode().toString());
		assertThat(item.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(item.path("created_at").asLong()).isEqualTo(course.createdAt().toEpochMilli());
		assertThat(Long.toString(item.path("created_at").asLong())).hasSize(13);
		assertThat(item.path("format").asString()).isEqualTo("ONLINE_COURSE");
		assertThat(item.path("is_subscription").asBoolean()).isFalse();
		assertThat(item.path("warranty_period").asInt()).isEqualTo(7);
		JsonNode community = page.path("items").get(1);
		assertThat(community.path("format").asString()).isEqualTo("COMMUNITY");
		assertThat(community.path("is_subscription").asBoolean()).isTrue();

		assertThat(this.api.get("/products/api/v1/products?format=COMMUNITY").path("items").get(0).path("id").asLong())
			.isEqualTo(club.id());
		assertThat(this.api.get("/products/api/v1/products?status=ACTIVE").path("items")).hasSize(1);
		assertThat(this.api.get("/products/api/v1/products?id=" + club.id()).path("items")).hasSize(1);
		assertThat(this.api.get("/products/api/v1/products?status=IN_REVIEW").path("items")).isEmpty();
		assertThat(this.api.get("/products/api/v1/products?format=EBOOK").path("items")).isEmpty();
		JsonNode bad = this.api.expect(400, HttpMethod.GET, "/products/api/v1/products?status=SOLD", null, null);
		assertThat(bad.path("error").asString()).isEqualTo("invalid_parameter");
		assertThat(bad.path("error_description").asString()).startsWith("The request was unacceptable");
		assertThat(bad.path("error_uri").asString()).startsWith("https://developers.hotmart.com/");
	}

	@Test
	void pagesFollowTheCursorConventions() {
		for (int i = 0; i < 5; i++) {
			product("P" + i, ProductFormat.ONLINE_EVENT, ProductStatus.ACTIVE);
		}
		JsonNode first = this.api.get("/products/api/v1/products?max_results=2");
		assertThat(first.path("items")).hasSize(2);
		assertThat(first.path("page_info").has("prev_page_token")).isFalse();
		String next = first.path("page_info").path("next_page_token").asString();
		assertThat(new String(Base64.getDecoder().decode(next), StandardCharsets.UTF_8))
			.isEqualTo("{\"page\":2,\"rows\":2}");
		JsonNode second = this.api.get("/products/api/v1/products?max_results=2&page_token=" + next);
		assertThat(second.path("items").get(0).path("name").asString()).isEqualTo("P2");
		assertThat(second.path("page_info").has("prev_page_token")).isTrue();
		JsonNode last = this.api.get("/products/api/v1/products?max_results=2&page_token="
				+ second.path("page_info").path("next_page_token").asString());
		assertThat(last.path("items")).hasSize(1);
		assertThat(last.path("page_info").has("next_page_token")).isFalse();
		assertThat(last.path("page_info").path("results_per_page").asInt()).isOne();
		assertThat(this.api.get("/products/api/v1/products?max_results=100000").path("items")).hasSize(5);
		assertThat(this.api.expect(400, HttpMethod.GET, "/products/api/v1/products?page_token=garbage", null, null)
			.path("error")
			.asString()).isEqualTo("invalid_token");
		assertThat(this.api.expect(400, HttpMethod.GET, "/products/api/v1/products?max_results=many", null, null)
			.path("error")
			.asString()).isEqualTo("invalid_value_parameter");
	}

	@Test
	void offersAndPlansHaveTheDocumentedFieldsByUcodeOrId() {
		Product club = product("Recipes", ProductFormat.SUBSCRIPTION, ProductStatus.ACTIVE);
		Offer monthly = this.offers.create(this.api.producer, club.id(), new OfferDetails("Monthly",
				Money.of(3990, "BRL"), PaymentMode.RECURRING, new RecurringPlan(BillingPeriod.MONTHLY, null, 0), null));
		Offer annual = this.offers.create(this.api.producer, club.id(), new OfferDetails("Annual",
				Money.of(39900, "BRL"), PaymentMode.RECURRING, new RecurringPlan(BillingPeriod.ANNUAL, 12, 7), null));
		this.offers.create(this.api.producer, club.id(),
				new OfferDetails("Lifetime", Money.of(99900, "USD"), PaymentMode.SINGLE, null, null));

		JsonNode offersPage = this.api.get("/products/api/v1/products/" + club.ucode() + "/offers");
		assertThat(offersPage.path("items")).hasSize(3);
		JsonNode offer = offersPage.path("items").get(0);
		assertThat(names(offer)).containsExactly("code", "name", "description", "price", "payment_mode",
				"is_currency_conversion_enabled", "is_main_offer", "is_smart_recovery_enabled");
		assertThat(offer.path("code").asString()).isEqualTo(monthly.code());
		assertThat(offer.path("name").asString()).isEqualTo("Monthly");
		assertThat(offer.path("description").asString()).isEmpty();
		assertThat(names(offer.path("price"))).containsExactly("value", "currency_code");
		assertThat(offer.path("price").path("value").decimalValue()).isEqualByComparingTo(new BigDecimal("39.90"));
		assertThat(offer.path("price").path("currency_code").asString()).isEqualTo("BRL");
		assertThat(offer.path("payment_mode").asString()).isEqualTo("SUBSCRIPTION");
		assertThat(offer.path("is_main_offer").asBoolean()).isTrue();
		assertThat(offer.path("is_smart_recovery_enabled").asBoolean()).isFalse();
		assertThat(offersPage.path("items").get(2).path("payment_mode").asString()).isEqualTo("PAY_IN_FULL");
		assertThat(offersPage.path("items").get(2).path("is_main_offer").asBoolean()).isFalse();
		assertThat(this.api.get("/products/api/v1/products/" + club.id() + "/offers")).isEqualTo(offersPage);

		JsonNode plans = this.api.get("/products/api/v1/products/" + club.ucode() + "/plans");
		assertThat(plans.path("items")).hasSize(2);
		JsonNode plain = plans.path("items").get(0);
		assertThat(names(plain)).containsExactly("code", "name", "description", "price", "periodicity", "payment_mode",
				"is_subscription_recovery_enabled", "is_switch_plan_enabled");
		assertThat(plain.path("periodicity").asString()).isEqualTo("MONTHLY");
		assertThat(plain.path("payment_mode").asString()).isEqualTo("ASSINATURA");
		JsonNode withTrial = plans.path("items").get(1);
		assertThat(withTrial.path("code").asString()).isEqualTo(annual.code());
		assertThat(withTrial.path("periodicity").asString()).isEqualTo("ANNUAL");
		assertThat(withTrial.path("max_installments").asInt()).isEqualTo(12);
		assertThat(withTrial.path("trial_period").asInt()).isEqualTo(7);
		assertThat(withTrial.path("price").path("value").decimalValue()).isEqualByComparingTo("399.00");

		Product course = product("Course", ProductFormat.ONLINE_COURSE, ProductStatus.ACTIVE);
		this.offers.create(this.api.producer, course.id(),
				new OfferDetails("Once", Money.of(100, "BRL"), PaymentMode.SINGLE, null, null));
		JsonNode noPlans = this.api.expect(400, HttpMethod.GET,
				"/products/api/v1/products/" + course.ucode() + "/plans", null, null);
		assertThat(noPlans.path("error").asString()).isEqualTo("invalid_parameter");
		assertThat(this.api.expect(404, HttpMethod.GET, "/products/api/v1/products/not-a-ucode/offers", null, null)
			.path("error")
			.asString()).isEqualTo("not_found");
	}

	@Test
	void couponsAreCreatedReadAndDeletedUnderBothPrefixes() {
		Product course = product("Coupons", ProductFormat.ONLINE_COURSE, ProductStatus.ACTIVE);
		Offer offer = this.offers.create(this.api.producer, course.id(),
				new OfferDetails("Once", Money.of(10000, "BRL"), PaymentMode.SINGLE, null, null));
		long start = Instant.now().minusSeconds(3600).toEpochMilli();
		long end = Instant.now().plusSeconds(86_400).toEpochMilli();
		for (String prefix : List.of("/products/api/v1", "/payments/api/v1")) {
			String code = prefix.startsWith("/products") ? "prod10" : "PAY10";
			JsonNode created = this.api.expect(200, HttpMethod.POST, prefix + "/product/" + course.id() + "/coupon",
					null, """
							{"code":"%s","discount":0.1,"start_date":%d,"end_date":%d,"affiliate":5,"offer_ids":[%d]}"""
						.formatted(code, start, end, offer.id()));
			assertThat(created.isObject()).isTrue();
			assertThat(created.isEmpty()).isTrue();

			JsonNode page = this.api.get(prefix + "/coupon/product/" + course.id() + "?code=" + code);
			assertThat(names(page)).containsExactly("items", "page_info");
			JsonNode item = page.path("items").get(0);
			assertThat(names(item)).containsExactly("id", "coupon_code", "code", "discount", "start_date", "end_date",
					"status", "active", "time_zone");
			assertThat(item.path("coupon_code").asString()).isEqualTo(code.toUpperCase());
			assertThat(item.path("code").asString()).isEqualTo(code.toUpperCase());
			assertThat(item.path("discount").decimalValue()).isEqualByComparingTo("0.1");
			assertThat(item.path("start_date").asLong()).isEqualTo(start);
			assertThat(item.path("end_date").asLong()).isEqualTo(end);
			assertThat(item.path("status").asString()).isEqualTo("valid");
			assertThat(item.path("active").asBoolean()).isTrue();
			assertThat(names(item.path("time_zone"))).containsExactly("offset", "description", "id", "name");
			assertThat(item.path("time_zone").path("id").asString()).isEqualTo("America/Sao_Paulo");
			assertThat(item.path("time_zone").path("name").asString()).isEqualTo("AMERICA_SAO_PAULO");
			assertThat(item.path("time_zone").path("offset").asString()).isEqualTo("-03:00");

			assertThat(
					this.api.expect(200, HttpMethod.DELETE, prefix + "/coupon/" + item.path("id").asLong(), null, null)
						.isEmpty())
				.isTrue();
			assertThat(this.api.get(prefix + "/coupon/product/" + course.id() + "?code=" + code).path("items"))
				.isEmpty();
		}
		this.coupons.create(this.api.producer, course.id(),
				new CouponDetails("OLD", new BigDecimal("0.5"), null, Instant.now().minusSeconds(60), Set.of()));
		JsonNode expired = this.api.get("/payments/api/v1/coupon/product/" + course.id()).path("items").get(0);
		assertThat(expired.path("status").asString()).isEqualTo("expired");
		assertThat(expired.path("active").asBoolean()).isFalse();
		assertThat(expired.has("start_date")).isFalse();

		JsonNode tooBig = this.api.expect(400, HttpMethod.POST, "/products/api/v1/product/" + course.id() + "/coupon",
				null, "{\"code\":\"BIG\",\"discount\":0.99}");
		assertThat(tooBig.path("error").asString()).isEqualTo("invalid_parameter");
		assertThat(tooBig.path("error_description").asString()).contains("discount");
		assertThat(this.api
			.expect(400, HttpMethod.POST, "/products/api/v1/product/" + course.id() + "/coupon", null,
					"{\"discount\":0.5}")
			.path("error")
			.asString()).isEqualTo("invalid_parameter");
	}

	@Test
	void couponsRefuseFarDatesAndNullOfferIdsWith400() {
		Product course = product("Far", ProductFormat.ONLINE_COURSE, ProductStatus.ACTIVE);
		String path = "/products/api/v1/product/" + course.id() + "/coupon";
		for (String body : List.of("{\"code\":\"FAR1\",\"discount\":0.1,\"end_date\":31556889864403199}",
				"{\"code\":\"FAR2\",\"discount\":0.1,\"start_date\":-31556889864403199}",
				"{\"code\":\"FAR3\",\"discount\":0.1,\"end_date\":9223372036854775807}",
				"{\"code\":\"FAR4\",\"discount\":0.1,\"offer_ids\":[null]}",
				"{\"code\":\"N\\u0000UL\",\"discount\":0.1}")) {
			JsonNode refused = this.api.expect(400, HttpMethod.POST, path, null, body);
			assertThat(refused.path("error").asString()).as(body).isEqualTo("invalid_parameter");
			assertThat(refused.path("message").asString()).as(body).isNotBlank();
		}
		assertThat(this.api.get("/products/api/v1/coupon/product/" + course.id()).path("items")).isEmpty();
	}

	@Test
	void anotherProducersProductsAreNotFound() {
		Product mine = product("Mine", ProductFormat.SUBSCRIPTION, ProductStatus.ACTIVE);
		this.offers.create(this.api.producer, mine.id(), new OfferDetails("Monthly", Money.of(3990, "BRL"),
				PaymentMode.RECURRING, new RecurringPlan(BillingPeriod.MONTHLY, null, 0), null));
		Coupon coupon = this.coupons.create(this.api.producer, mine.id(),
				new CouponDetails("MINE", new BigDecimal("0.3"), null, null, Set.of()));
		ApiCaller other = ApiCaller.newProducer(this.http, this.json, this.credentials);
		assertThat(other.get("/products/api/v1/products").path("items")).isEmpty();
		assertThat(other.get("/products/api/v1/products?id=" + mine.id()).path("items")).isEmpty();
		for (String path : List.of("/products/api/v1/products/" + mine.ucode() + "/offers",
				"/products/api/v1/products/" + mine.id() + "/plans", "/products/api/v1/coupon/product/" + mine.id(),
				"/payments/api/v1/coupon/product/" + mine.id())) {
			assertThat(other.expect(404, HttpMethod.GET, path, null, null).path("error").asString()).as(path)
				.isEqualTo("not_found");
		}
		other.expect(404, HttpMethod.POST, "/payments/api/v1/product/" + mine.id() + "/coupon", null,
				"{\"code\":\"THEIRS\",\"discount\":0.5}");
		other.expect(404, HttpMethod.DELETE, "/products/api/v1/coupon/" + coupon.id(), null, null);
		assertThat(this.coupons.couponsOf(this.api.producer, mine.id())).extracting(Coupon::code)
			.containsExactly("MINE");
	}

}
