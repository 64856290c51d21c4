package io.atrium.api;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PageQueryTests {

	@Test
	void limitDefaultsTo50AndIsClampedTo1Through500() {
		assertThat(PageQuery.of(null, null).limit()).isEqualTo(50);
		assertThat(PageQuery.of(0, null).limit()).isEqualTo(1);
		assertThat(PageQuery.of(-7, null).limit()).isEqualTo(1);
		assertThat(PageQuery.of(501, null).limit()).isEqualTo(500);
		assertThat(PageQuery.of(20, "").after()).isNull();
	}

	@Test
	void aFullPageCarriesACursorToTheNextAndTheLastPageNone() {
		PageQuery query = PageQuery.of(2, null);
		CursorPage<Long> page = query.page(List.of(9L, 7L, 5L), Long::longValue);
		assertThat(page.items()).containsExactly(9L, 7L);
		assertThat(page.nextCursor()).isNotBlank();
		assertThat(PageQuery.of(2, page.nextCursor()).after()).isEqualTo(7L);
		assertThat(query.page(List.of(9L, 7L), Long::longValue).nextCursor()).isNull();
		assertThat(query.page(List.of(), Long::longValue).items()).isEmpty();
	}

	@Test
	void foreignCursorsAreRejected() {
		for (String bogus : List.of("bogus", "eyJyb3dzIjo1LCJwYWdlIjozfQ==", "%%%", "e30", "x".repeat(100))) {
			assertThatExceptionOfType(ApiException.class).isThrownBy(() -> PageQuery.of(10, bogus))
				.satisfies((ex) -> assertThat(ex.error()).isEqualTo("invalid_parameter"));
		}
	}

	@Test
	void mappingKeepsTheCursor() {
		CursorPage<Integer> page = new CursorPage<>(List.of(1, 2), "c");
		assertThat(page.map((i) -> "#" + i)).isEqualTo(new CursorPage<>(List.of("#1", "#2"), "c"));
	}

}
