package io.atrium.checkout.internal;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.SalesFigures;
import io.atrium.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link SalesFigures} over the {@code purchases} table. Binning happens here rather than
 * in SQL so that the same code runs on H2 and PostgreSQL; the query reads three narrow
 * columns through the {@code purchases_producer_created_ix} index.
 */
@Service
@Transactional(readOnly = true)
class SalesFiguresRows implements SalesFigures {

	private static final List<String> PAID_NAMES = PAID.stream().map(PurchaseStatus::name).sorted().toList();

	private final JdbcClient jdbc;

	SalesFiguresRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Bin> paidSales(long producerAccountId, List<Instant> edges) {
		if (edges.size() < 2) {
			throw new IllegalArgumentException("At least two edges are needed, got " + edges.size());
		}
		Instant[] starts = edges.toArray(Instant[]::new);
		Map<Integer, Map<String, long[]>> bins = new TreeMap<>();
		this.jdbc
			.sql("SELECT created_at, currency, amount_minor FROM purchases WHERE producer_account_id = :producer "
					+ "AND created_at >= :from AND created_at < :to AND status IN (:statuses)")
			.param("producer", producerAccountId)
			.param("from", Times.utc(starts[0]))
			.param("to", Times.utc(starts[starts.length - 1]))
			.param("statuses", PAID_NAMES)
			.query((ResultSet rs) -> {
				int index = bin(starts, Times.instant(rs, 1));
				if (index >= 0) {
					long[] sum = bins.computeIfAbsent(index, (k) -> new TreeMap<>())
						.computeIfAbsent(rs.getString(2), (k) -> new long[2]);
					sum[0]++;
					sum[1] += rs.getLong(3);
				}
			});
		List<Bin> result = new ArrayList<>();
		bins.forEach((index, currencies) -> currencies
			.forEach((currency, sum) -> result.add(new Bin(index, sum[0], Money.of(sum[1], currency)))));
		return result;
	}

	@Override
	public List<OfferSales> bestSellers(long producerAccountId, Instant from, Instant to, int limit) {
		Map<String, Offer> offers = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT product_id, offer_code, currency, COUNT(*), SUM(amount_minor), MAX(product_name) "
					+ "FROM purchases WHERE producer_account_id = :producer AND created_at >= :from "
					+ "AND created_at < :to AND status IN (:statuses) GROUP BY product_id, offer_code, currency")
			.param("producer", producerAccountId)
			.param("from", Times.utc(from))
			.param("to", Times.utc(to))
			.param("statuses", PAID_NAMES)
			.query((ResultSet rs) -> {
				long productId = rs.getLong(1);
				String code = rs.getString(2);
				String name = rs.getString(6);
				Offer offer = offers.computeIfAbsent(productId + " " + code, (k) -> new Offer(productId, name, code));
				offer.count += rs.getLong(4);
				offer.sums.put(rs.getString(3), Money.of(rs.getLong(5), rs.getString(3)));
			});
		return offers.values()
			.stream()
			.sorted(Comparator.comparingLong((Offer o) -> -o.count)
				.thenComparingLong((o) -> o.productId)
				.thenComparing((o) -> o.offerCode))
			.limit(Math.max(0, limit))
			.map((o) -> new OfferSales(o.productId, o.productName, o.offerCode, o.count,
					new ArrayList<>(o.sums.values())))
			.toList();
	}

	/**
	 * @return the bin of an instant: the last edge at or before it, or -1 outside
	 */
	static int bin(Instant[] edges, Instant at) {
		int found = Arrays.binarySearch(edges, at);
		int index = (found >= 0) ? found : -found - 2;
		return (index < 0 || index >= edges.length - 1) ? -1 : index;
	}

	private static final class Offer {

		final long productId;

		final String productName;

		final String offerCode;

		long count;

		final Map<String, Money> sums = new TreeMap<>();

		Offer(long productId, String productName, String offerCode) {
			this.productId = productId;
			this.productName = productName;
			this.offerCode = offerCode;
		}

	}

}
