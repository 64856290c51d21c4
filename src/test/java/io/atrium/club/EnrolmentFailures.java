package io.atrium.club;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.atrium.club.groups.Enrollments;
import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.DefaultPointcutAdvisor;

/**
 * Test-only failure injection: makes the members area's enrolment of chosen buyers fail
 * (as a database outage or a bug would) until the test lets it through. It adds an advice
 * to the application's own {@link Enrollments} bean (a Spring proxy because of its
 * transactions), so the real listener, registry and retry path run; nothing in the
 * production code knows about it. Remove it after the test ({@link #close()}).
 */
final class EnrolmentFailures implements AutoCloseable {

	private final Set<String> failing = ConcurrentHashMap.newKeySet();

	private final AtomicInteger failures = new AtomicInteger();

	private final Advised enrollments;

	private final DefaultPointcutAdvisor advisor;

	EnrolmentFailures(Enrollments enrollments) {
		this.enrollments = (Advised) enrollments;
		MethodInterceptor failWhenAsked = (invocation) -> {
			if (invocation.getMethod().getName().equals("enrollBuyer")
					&& this.failing.contains((String) invocation.getArguments()[3])) {
				this.failures.incrementAndGet();
				throw new IllegalStateException("Injected enrolment failure (test)");
			}
			return invocation.proceed();
		};
		this.advisor = new DefaultPointcutAdvisor(failWhenAsked);
		this.enrollments.addAdvisor(0, this.advisor);
	}

	/** Enrolling this buyer fails until {@link #recover(String)}. */
	void fail(String buyerEmail) {
		this.failing.add(buyerEmail);
	}

	/** Enrolling this buyer works again. */
	void recover(String buyerEmail) {
		this.failing.remove(buyerEmail);
	}

	/**
	 * @return how many enrolments failed so far
	 */
	int failures() {
		return this.failures.get();
	}

	@Override
	public void close() {
		this.enrollments.removeAdvisor(this.advisor);
	}

}
