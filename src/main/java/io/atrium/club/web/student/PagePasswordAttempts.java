package io.atrium.club.web.student;

import java.time.Duration;

import io.atrium.platform.AttemptLimiter;
import io.atrium.platform.AttemptLimits;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits wrong page passwords per student and page (default 10 an hour) and per client
 * address (default 30 an hour), like failed log-ins, so a page's password cannot be
 * guessed by trying many. Counted in the database, shared by every instance
 * ({@link AttemptLimits}).
 */
@Component
class PagePasswordAttempts {

	private final AttemptLimiter perStudentPage;

	private final AttemptLimiter perAddress;

	PagePasswordAttempts(
			@Value("${atrium.club.page-password.failures-per-student-page-per-hour:10}") int perStudentPage,
			@Value("${atrium.club.page-password.failures-per-address-per-hour:30}") int perAddress,
			AttemptLimits limits) {
		this.perStudentPage = limits.limiter("page-password-student-page", perStudentPage);
		this.perAddress = limits.limiter("page-password-client", perAddress);
	}

	/**
	 * @return how long the student must wait before trying the page's password again,
	 * zero when they may try now
	 */
	Duration waitFor(long accountId, long pageId, String clientAddress) {
		Duration page = this.perStudentPage.waitFor(accountId + ":" + pageId);
		Duration address = this.perAddress.waitFor(clientAddress);
		return (page.compareTo(address) > 0) ? page : address;
	}

	void recordFailure(long accountId, long pageId, String clientAddress) {
		this.perStudentPage.record(accountId + ":" + pageId);
		this.perAddress.record(clientAddress);
	}

}
