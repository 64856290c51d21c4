package io.atrium.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.http.HttpStatus;

/**
 * Pagination of the Hotmart-compatible API (hotmart-api.md §2.3): {@code max_results}
 * (default 50, larger than 500 clamped) and an opaque {@code page_token}, Base64 of
 * {@code {"page":n,"rows":r}} as Hotmart's own; answers {@code items} and
 * {@code page_info} without {@code next_page_token} on the last page and without
 * {@code prev_page_token} on the first. Shared by every module that serves a compatible
 * endpoint.
 */
public final class CompatiblePages {

	/** Page size when {@code max_results} is absent. */
	public static final int DEFAULT = 50;

	/** Largest page; larger requests are clamped silently. */
	public static final int MAX = 500;

	private static final Pattern TOKEN = Pattern.compile("\\{\"page\":(\\d{1,9}),\"rows\":(\\d{1,3})\\}");

	private CompatiblePages() {
	}

	/**
	 * Where a page starts and how long it is.
	 *
	 * @param page the 1-based page number
	 * @param rows the page size
	 */
	public record Request(int page, int rows) {

		/**
		 * Reads the request's parameters.
		 * @param maxResults {@code max_results}, may be null
		 * @param pageToken {@code page_token}, may be null
		 * @return the request
		 * @throws ApiException 400 {@code invalid_token} for a token Atrium did not issue
		 */
		public static Request of(Integer maxResults, String pageToken) {
			int rows = (maxResults == null) ? DEFAULT : Math.max(1, Math.min(MAX, maxResults));
			if (pageToken == null || pageToken.isBlank()) {
				return new Request(1, rows);
			}
			try {
				String json = new String(
						Base64.getUrlDecoder().decode(pageToken.strip().replace('+', '-').replace('/', '_')),
						StandardCharsets.UTF_8);
				Matcher m = TOKEN.matcher(json);
				if (m.matches() && Integer.parseInt(m.group(1)) >= 1) {
					return new Request(Integer.parseInt(m.group(1)), rows);
				}
			}
			catch (IllegalArgumentException ex) {
				// not Base64: answered below
			}
			throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_token",
					"The page_token is not valid; pass the next_page_token of the previous page.");
		}

		/**
		 * @return how many rows come before this page
		 */
		public int offset() {
			return (int) Math.min(Integer.MAX_VALUE, (long) (this.page - 1) * this.rows);
		}

		/** How many to fetch: one more than a page, to know whether another follows. */
		public int fetch() {
			return this.rows + 1;
		}

		public <T, R> Page<R> page(List<T> fetched, Function<T, R> mapper) {
			return page(fetched, mapper, null);
		}

		/**
		 * A page from rows fetched with {@link #offset()} and {@link #fetch()}.
		 * @param totalResults {@code total_results}, or null to leave it out (several
		 * endpoints do)
		 */
		public <T, R> Page<R> page(List<T> fetched, Function<T, R> mapper, Long totalResults) {
			boolean more = fetched.size() > this.rows;
			List<R> items = fetched.stream().limit(this.rows).map(mapper).toList();
			return new Page<>(items, new PageInfo(totalResults, more ? token(this.page + 1, this.rows) : null,
					(this.page > 1) ? token(this.page - 1, this.rows) : null, items.size()));
		}

		/** A page of a list held in memory, without {@code total_results}. */
		public <T, R> Page<R> slice(List<T> all, Function<T, R> mapper) {
			return page(all.stream().skip(offset()).limit(fetch()).toList(), mapper, null);
		}

		/** A page of a list held in memory, with {@code total_results}. */
		public <T, R> Page<R> sliceCounted(List<T> all, Function<T, R> mapper) {
			return page(all.stream().skip(offset()).limit(fetch()).toList(), mapper, (long) all.size());
		}

		private static String token(int page, int rows) {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(("{\"page\":" + page + ",\"rows\":" + rows + "}").getBytes(StandardCharsets.UTF_8));
		}

	}

	/**
	 * One page: {@code {"items":[...],"page_info":{...}}}.
	 */
	public record Page<T>(List<T> items, @JsonProperty("page_info") PageInfo pageInfo) {

	}

	/**
	 * {@code page_info}.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record PageInfo(@JsonProperty("total_results") Long totalResults,
			@JsonProperty("next_page_token") String nextPageToken,
			@JsonProperty("prev_page_token") String prevPageToken,
			@JsonProperty("results_per_page") int resultsPerPage) {

	}

}
