package io.atrium.api.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import io.atrium.platform.InputLimits;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Applies {@link InputLimits} to every JSON body as it is read: a string with a control
 * character other than tab, CR or LF, or a date outside the accepted years, fails the
 * read, which every API answers 400 with its error body. One module for every endpoint,
 * so a new request record is covered without doing anything.
 */
class InputLimitsJacksonModule extends SimpleModule {

	InputLimitsJacksonModule() {
		super("atrium-input-limits");
		setDeserializerModifier(new ValueDeserializerModifier() {

			@Override
			public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
					BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
				Class<?> type = description.getBeanClass();
				if (type == String.class || type == Instant.class || type == LocalDate.class
						|| type == LocalDateTime.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
					return new Checked(deserializer);
				}
				return deserializer;
			}

		});
	}

	/** Reads with the standard deserializer, then checks the value. */
	static final class Checked extends DelegatingDeserializer {

		Checked(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new Checked(delegate);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			return check(parser, super.deserialize(parser, context));
		}

		private static Object check(JsonParser parser, Object value) {
			if (value instanceof String text && InputLimits.hasControlCharacters(text)) {
				throw InvalidFormatException.from(parser,
						"Text contains a control character; only tab, CR and LF are allowed.", text, String.class);
			}
			boolean sane = true;
			if (value instanceof Instant instant) {
				sane = InputLimits.isSaneDate(instant);
			}
			else if (value instanceof LocalDate day) {
				sane = InputLimits.isSaneDay(day);
			}
			else if (value instanceof LocalDateTime dateTime) {
				sane = InputLimits.isSaneDay(dateTime.toLocalDate());
			}
			else if (value instanceof OffsetDateTime dateTime) {
				sane = InputLimits.isSaneDate(dateTime.toInstant());
			}
			else if (value instanceof ZonedDateTime dateTime) {
				sane = InputLimits.isSaneDate(dateTime.toInstant());
			}
			if (!sane) {
				throw InvalidFormatException.from(parser, InputLimits.DATE_RANGE_TEXT, value, value.getClass());
			}
			return value;
		}

	}

}
