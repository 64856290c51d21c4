package io.atrium.api;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of an {@code /api/v1} list: {@code {"items":[...],"next_cursor":"..."}}.
 * {@code next_cursor} is absent on the last page; pass it back as {@code cursor} to get
 * the next one. Build it with
 * {@link PageQuery#page(List, java.util.function.ToLongFunction)}.
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param nextCursor the cursor of the next page, null on the last page
 */
public record CursorPage<T>(List<T> items,
		@JsonProperty("next_cursor") @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
				description = "Opaque cursor of the next page; absent on the last page") String nextCursor) {

	/**
	 * Converts the items, keeping the cursor (for example from domain objects to response
	 * records).
	 * @param <R> the new item type
	 * @param mapper the conversion
	 * @return the converted page
	 */
	public <R> CursorPage<R> map(Function<? super T, ? extends R> mapper) {
		return new CursorPage<>(this.items.stream().<R>map(mapper).toList(), this.nextCursor);
	}

}
