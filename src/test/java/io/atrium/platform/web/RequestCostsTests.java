package io.atrium.platform.web;

import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The firewall's character rules, written as a loop, accept exactly what Spring
 * Security's regular expressions accept.
 */
class RequestCostsTests {

	private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Test
	void everyCodePointIsJudgedAsSpringSecuritysExpressionsJudgeIt() {
		Predicate<String> names = (s) -> RequestCosts.every(s, RequestCosts::assignedNotControl);
		Predicate<String> values = (s) -> RequestCosts.every(s, (c) -> c == '\t' || RequestCosts.assignedNotControl(c));
		int refused = 0;
		for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
			String s = "a" + new String(Character.toChars(cp)) + "b";
			assertThat(names.test(s)).as("name U+%04X", cp).isEqualTo(NAMES.matcher(s).matches());
			assertThat(values.test(s)).as("value U+%04X", cp).isEqualTo(VALUES.matcher(s).matches());
			refused += names.test(s) ? 0 : 1;
		}
		assertThat(refused).as("control and unassigned code points are refused").isGreaterThan(60);
		for (String s : new String[] { "", "Bearer abc.def", "pt-BR,pt;q=0.9", "São Paulo", "\ud83d\ude00", "\ud800",
				"a\u0000b", "line\r\nbreak", "tab\there", "\u0085" }) {
			assertThat(names.test(s)).as(s).isEqualTo(NAMES.matcher(s).matches());
			assertThat(values.test(s)).as(s).isEqualTo(VALUES.matcher(s).matches());
		}
	}

}
