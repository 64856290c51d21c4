package io.atrium.checkout.internal;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sale falls in the bin whose start is the last edge at or before it.
 */
class SalesFiguresRowsTests {

	static final Instant[] EDGES = { Instant.parse("2026-12-01T03:00:00Z"), Instant.parse("2026-12-02T03:00:00Z"),
			Instant.parse("2026-12-03T03:00:00Z") };

	@Test
	void binsByTheLastEdgeAtOrBefore() {
		assertThat(SalesFiguresRows.bin(EDGES, Instant.parse("2026-12-01T03:00:00Z"))).isZero();
		assertThat(SalesFiguresRows.bin(EDGES, Instant.parse("2026-12-02T02:59:59.999Z"))).isZero();
		assertThat(SalesFiguresRows.bin(EDGES, Instant.parse("2026-12-02T03:00:00Z"))).isEqualTo(1);
		assertThat(SalesFiguresRows.bin(EDGES, Instant.parse("2026-12-03T02:59:59Z"))).isEqualTo(1);
	}

	@Test
	void outsideTheEdgesIsNoBin() {
		assertThat(SalesFiguresRows.bin(EDGES, Instant.parse("2026-12-01T02:59:59Z"))).isEqualTo(-1);
		assertThat(SalesFiguresRows.bin(EDGES, Instant.parse("2026-12-03T03:00:00Z"))).isEqualTo(-1);
	}

}
