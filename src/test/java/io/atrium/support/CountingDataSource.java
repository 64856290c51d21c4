package io.atrium.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's {@link DataSource} wrapped so a test can count the database work it
 * causes: statements executed and transactions committed (explicit commits, and each
 * statement run in auto-commit), per kind of thread, with every statement's SQL. Counts,
 * not times: the same code path gives the same numbers on any machine.
 * <p>
 * Threads are told apart by name: {@code http-nio-*} serve requests, {@code task-*} run
 * the after-commit listeners ({@code @ApplicationModuleListener}), {@code renewals-*} are
 * a renewal run's workers, anything else (db-scheduler's polling and tasks, webhook
 * dispatch) is background; the test's own thread ({@code main}) is counted apart.
 */
public final class CountingDataSource extends DelegatingDataSource {

	/** What a thread does. */
	public enum Work {

		/** An HTTP request. */
		REQUEST,
		/** An after-commit listener. */
		LISTENER,
		/** A renewal run's workers. */
		RENEWAL,
		/** Scheduler polling and tasks, webhook dispatch, the rest. */
		BACKGROUND,
		/** The test itself (JUnit's main thread), not counted as the application's. */
		TEST;

		static Work of(Thread thread) {
			String name = thread.getName();
			if (name.equals("main")) {
				return TEST;
			}
			if (name.startsWith("http-nio-")) {
				return REQUEST;
			}
			if (name.startsWith("task-")) {
				return LISTENER;
			}
			if (name.startsWith("renewals-")) {
				return RENEWAL;
			}
			return BACKGROUND;
		}

	}

	private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
			"executeBatch", "executeLargeBatch");

	private final Map<Work, AtomicLong> statements = new ConcurrentHashMap<>();

	private final Map<Work, AtomicLong> commits = new ConcurrentHashMap<>();

	private final Map<Work, Map<String, AtomicLong>> sql = new ConcurrentHashMap<>();

	CountingDataSource(DataSource target) {
		super(target);
	}

	/** Forgets every count. */
	public void reset() {
		this.statements.clear();
		this.commits.clear();
		this.sql.clear();
	}

	/**
	 * @param work a kind of thread
	 * @return statements executed on such threads since the last {@link #reset()}
	 */
	public long statements(Work work) {
		return this.statements.getOrDefault(work, new AtomicLong()).get();
	}

	/**
	 * @param work a kind of thread
	 * @return transactions committed on such threads since the last {@link #reset()}
	 */
	public long commits(Work work) {
		return this.commits.getOrDefault(work, new AtomicLong()).get();
	}

	/**
	 * @param work a kind of thread
	 * @return each statement's SQL (whitespace folded) and how often it ran
	 */
	public Map<String, Long> sql(Work work) {
		Map<String, Long> counts = new TreeMap<>();
		this.sql.getOrDefault(work, Map.of()).forEach((text, n) -> counts.put(text, n.get()));
		return counts;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return connection(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return connection(super.getConnection(username, password));
	}

	private Connection connection(Connection target) {
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				new ConnectionHandler(target));
	}

	private void executed(String text, Connection connection) throws SQLException {
		Work work = Work.of(Thread.currentThread());
		this.statements.computeIfAbsent(work, (w) -> new AtomicLong()).incrementAndGet();
		this.sql.computeIfAbsent(work, (w) -> new ConcurrentHashMap<>())
			.computeIfAbsent((text != null) ? text.replaceAll("\\s+", " ").trim() : "?", (t) -> new AtomicLong())
			.incrementAndGet();
		if (connection.getAutoCommit()) {
			committed();
		}
	}

	private void committed() {
		this.commits.computeIfAbsent(Work.of(Thread.currentThread()), (w) -> new AtomicLong()).incrementAndGet();
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	private final class ConnectionHandler implements InvocationHandler {

		private final Connection target;

		ConnectionHandler(Connection target) {
			this.target = target;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			if (method.getName().equals("unwrap") && args[0] == Connection.class) {
				return this.target;
			}
			Object result = CountingDataSource.invoke(this.target, method, args);
			if (method.getName().equals("commit")) {
				committed();
			}
			if (result instanceof Statement statement) {
				String text = (args != null && args.length > 0 && args[0] instanceof String s) ? s : null;
				return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { method.getReturnType() },
						new StatementHandler(statement, text, this.target));
			}
			return result;
		}

	}

	private final class StatementHandler implements InvocationHandler {

		private final Statement target;

		private final String prepared;

		private final Connection connection;

		StatementHandler(Statement target, String prepared, Connection connection) {
			this.target = target;
			this.prepared = prepared;
			this.connection = connection;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			Object result = CountingDataSource.invoke(this.target, method, args);
			if (EXECUTE.contains(method.getName())) {
				String text = (args != null && args.length > 0 && args[0] instanceof String s) ? s : this.prepared;
				executed(text, this.connection);
			}
			return result;
		}

	}

	/** Wraps the application's data source; import it into a test's context. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		static BeanPostProcessor countingDataSource() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof DataSource dataSource && name.equals("dataSource")) {
						return new CountingDataSource(dataSource);
					}
					return bean;
				}

			};
		}

	}

}
