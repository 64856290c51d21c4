package io.atrium.subscriptions.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.atrium.api.ApiException;
import io.atrium.platform.InputLimits;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of the compatible subscription changes, read the way clients send it: a JSON
 * object, or a form ({@code subscriber_code=A&subscriber_code=B&send_email=True}) even
 * when the {@code Content-Type} says JSON, as a widely used client's v0.x does
 * (hotmart-api.md §3.6). A field missing from the body is read from the query string (or
 * a real form's parameters). Anything else (a JSON array, a number, a string, text that
 * is neither JSON nor a form) is a 400 {@code invalid_parameter}; so is a control
 * character in any value.
 */
final class LenientBody {

	private static final String NOT_AN_OBJECT = "The request was unacceptable: the body must be a JSON object "
			+ "(or a form).";

	private final Map<String, List<Object>> fields;

	private LenientBody(Map<String, List<Object>> fields) {
		this.fields = fields;
	}

	/**
	 * @param body the raw body, may be null or empty
	 * @param parameters the query string's (and a real form's) parameters
	 * @param json the application's JSON mapper
	 * @return the fields
	 * @throws ApiException 400 for a body that is neither a JSON object nor a form
	 */
	static LenientBody read(String body, Map<String, String[]> parameters, JsonMapper json) {
		Map<String, List<Object>> fields = new LinkedHashMap<>();
		String text = (body != null) ? body.strip() : "";
		if (text.startsWith("{")) {
			JsonNode tree;
			try {
				tree = json.readTree(text);
			}
			catch (JacksonException ex) {
				throw ApiException.invalidParameter("The request was unacceptable: the body is not valid JSON.");
			}
			if (tree == null || !tree.isObject()) {
				throw ApiException.invalidParameter(NOT_AN_OBJECT);
			}
			for (Map.Entry<String, JsonNode> field : tree.properties()) {
				List<Object> values = new ArrayList<>();
				if (field.getValue().isArray()) {
					field.getValue().forEach(values::add);
				}
				else {
					values.add(field.getValue());
				}
				fields.put(field.getKey(), values);
			}
		}
		else if (!text.isEmpty()) {
			if (!text.contains("=") || text.startsWith("[") || text.startsWith("\"")) {
				throw ApiException.invalidParameter(NOT_AN_OBJECT);
			}
			readForm(text, fields);
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			List<Object> values = new ArrayList<>();
			if (parameter.getValue() != null) {
				for (String value : parameter.getValue()) {
					values.add((value != null) ? value : "");
				}
			}
			fields.putIfAbsent(name(parameter.getKey()), values);
		}
		return new LenientBody(fields);
	}

	private static void readForm(String text, Map<String, List<Object>> fields) {
		for (String pair : text.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String key = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			try {
				fields.computeIfAbsent(name(URLDecoder.decode(key, StandardCharsets.UTF_8)), (k) -> new ArrayList<>())
					.add(URLDecoder.decode(value, StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.invalidParameter("The request was unacceptable: the form body is malformed.");
			}
		}
	}

	private static String name(String key) {
		return key.endsWith("[]") ? key.substring(0, key.length() - 2) : key;
	}

	/**
	 * @param name a field
	 * @return whether the body (or the query) has it
	 */
	boolean has(String name) {
		return this.fields.containsKey(name);
	}

	/**
	 * A list of texts: a JSON array of strings (or numbers), one string, repeated form
	 * fields; comma-joined values are split.
	 * @return the values, empty when the field is absent
	 */
	List<String> strings(String name) {
		List<String> values = new ArrayList<>();
		for (Object value : this.fields.getOrDefault(name, List.of())) {
			String text;
			if (value instanceof JsonNode node) {
				if (node.isNull()) {
					continue;
				}
				if (!node.isString() && !node.isNumber()) {
					throw ApiException
						.invalidParameter("The request was unacceptable: " + name + " must be a list of texts.");
				}
				text = node.asString();
			}
			else {
				text = (String) value;
			}
			for (String one : text.split(",")) {
				if (!one.isBlank()) {
					values.add(checked(name, one.strip()));
				}
			}
		}
		return values;
	}

	/**
	 * @return the field as a boolean ({@code true}/{@code false} in any case, 1/0), or
	 * the default when absent or null
	 * @throws ApiException 400 for any other value
	 */
	boolean bool(String name, boolean defaultValue) {
		Object value = single(name);
		if (value == null) {
			return defaultValue;
		}
		if (value instanceof JsonNode node && node.isBoolean()) {
			return node.asBoolean();
		}
		String text = (value instanceof JsonNode node) ? node.asString() : (String) value;
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "true", "1" -> true;
			case "false", "0" -> false;
			default -> throw ApiException
				.invalidParameter("The request was unacceptable: " + name + " must be true or false.");
		};
	}

	/**
	 * @return the field as a whole number, or null when absent or null
	 * @throws ApiException 400 for anything else
	 */
	Long integer(String name) {
		Object value = single(name);
		if (value == null) {
			return null;
		}
		if (value instanceof JsonNode node) {
			if (node.isIntegralNumber() && node.canConvertToLong()) {
				return node.asLong();
			}
			if (!node.isString()) {
				throw ApiException.invalidParameter("The request was unacceptable: " + name + " must be a number.");
			}
			value = node.asString();
		}
		try {
			return Long.parseLong(((String) value).strip());
		}
		catch (NumberFormatException ex) {
			throw ApiException.invalidParameter("The request was unacceptable: " + name + " must be a number.");
		}
	}

	private Object single(String name) {
		List<Object> values = this.fields.get(name);
		if (values == null || values.isEmpty()) {
			return null;
		}
		if (values.size() > 1) {
			throw ApiException.invalidParameter("The request was unacceptable: " + name + " must be given once.");
		}
		Object value = values.get(0);
		return (value instanceof JsonNode node && node.isNull()) ? null : value;
	}

	private static String checked(String name, String value) {
		if (InputLimits.hasControlCharacters(value)) {
			throw ApiException.invalidParameter("The request was unacceptable: " + name
					+ " contains a control character; only tab, CR and LF are allowed in text.");
		}
		return value;
	}

}
