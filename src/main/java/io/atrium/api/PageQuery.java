package io.atrium.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One page request of a cursor-paginated {@code /api/v1} list: how many items
 * ({@code limit}, default 50, silently clamped to 1..500) and where to continue (the
 * opaque {@code cursor} of the previous page's {@code next_cursor}). The cursor carries a
 * keyset position, the sort key (a numeric id) of the last item returned.
 * <p>
 * Typical use: query {@link #fetchSize()} rows ordered by id, after {@link #after()} when
 * present, then {@link #page(List, ToLongFunction)}.
 *
 * @param limit the number of items wanted, already clamped
 * @param after the sort key of the last item of the previous page, or null for the first
 * page
 */
public record PageQuery(int limit, Long after) {

	/** Items per page when the request does not say. */
	public static final int DEFAULT_LIMIT = 50;

	/** The largest page; larger requests are clamped to it. */
	public static final int MAX_LIMIT = 500;

	private static final Pattern POSITION = Pattern.compile("\\{\"after\":(-?\\d{1,19})\\}");

	/**
	 * Reads the {@code limit} and {@code cursor} query parameters.
	 * @param limit the requested page size, may be null
	 * @param cursor the opaque cursor, may be null or empty for the first page
	 * @return the page query
	 * @throws ApiException 400 {@code invalid_parameter} when the cursor was not issued
	 * by Atrium
	 */
	public static PageQuery of(Integer limit, String cursor) {
		int clamped = (limit == null) ? DEFAULT_LIMIT : Math.max(1, Math.min(MAX_LIMIT, limit));
		return new PageQuery(clamped, decode(cursor));
	}

	/**
	 * @return the first page of the default size
	 */
	public static PageQuery first() {
		return new PageQuery(DEFAULT_LIMIT, null);
	}

	/**
	 * @return the position to continue after, empty on the first page
	 */
	public OptionalLong afterPosition() {
		return (this.after == null) ? OptionalLong.empty() : OptionalLong.of(this.after);
	}

	/**
	 * @return how many rows to fetch: one more than the limit, to know whether another
	 * page follows
	 */
	public int fetchSize() {
		return this.limit + 1;
	}

	/**
	 * Builds the page from rows fetched with {@link #fetchSize()}.
	 * @param <T> the item type
	 * @param fetched up to {@code limit + 1} rows in the list's order
	 * @param position the sort key of an item (usually its id)
	 * @return the page, with a {@code next_cursor} only when more items follow
	 */
	public <T> CursorPage<T> page(List<T> fetched, ToLongFunction<T> position) {
		if (fetched.size() <= this.limit) {
			return new CursorPage<>(List.copyOf(fetched), null);
		}
		List<T> items = List.copyOf(fetched.subList(0, this.limit));
		return new CursorPage<>(items, encode(position.applyAsLong(items.get(items.size() - 1))));
	}

	static String encode(long position) {
		String json = "{\"after\":" + position + "}";
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static Long decode(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		try {
			if (cursor.length() <= 64) {
				String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
				Matcher matcher = POSITION.matcher(json);
				if (matcher.matches()) {
					return Long.parseLong(matcher.group(1));
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// not base64 or not a number: answered below
		}
		throw ApiException.invalidParameter("The cursor is not valid; pass the next_cursor of the previous page.");
	}

}
