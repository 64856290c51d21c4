package io.atrium.accounts.internal;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id with OWASP's parameters (19 MiB memory, 2 iterations, parallelism 1, 16-byte
 * salt, 32-byte hash), computed by the reference C implementation, libargon2, which the
 * argon2-jvm library bundles for Linux, macOS and Windows on x86-64 and ARM. The hashes
 * are the standard encoded form ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), the
 * same as Spring Security's {@link Argon2PasswordEncoder} writes: a hash made by either
 * verifies with the other.
 * <p>
 * Why not Spring's encoder alone: it runs Bouncy Castle's Java implementation, measured
 * on 2 cores at 55 to 78 verifies per second, and some JVM starts compile it at half that
 * speed (the same program, 30 per second), so a log-in's speed depended on the start; it
 * also leaves 19 MiB of garbage per log-in. libargon2 made 103 verifies per second on the
 * same machine, the same on every start, in memory it frees itself (docs/performance.md,
 * W5).
 * <p>
 * At most one hash per processor runs at a time; the other log-ins wait their turn. Each
 * hash walks its own 19 MiB of memory, so 200 log-ins at once would have asked for 3.8
 * GB, and more hashes than cores only take turns on the cores and evict each other's
 * memory from the caches (libargon2, 4 threads on 2 cores: 84 to 86 hashes per second
 * against 89 to 94 for 2 threads; Bouncy Castle's code: 47 against 66).
 * <p>
 * Where the native library cannot be loaded (another platform, a locked-down temporary
 * folder), Bouncy Castle's Java implementation does the same work, with a warning at
 * start; the hashes are the same.
 */
public final class Argon2idPasswordEncoder implements PasswordEncoder {

	private static final Logger log = LoggerFactory.getLogger(Argon2idPasswordEncoder.class);

	static final int SALT_BYTES = 16;

	static final int HASH_BYTES = 32;

	static final int PARALLELISM = 1;

	static final int MEMORY_KIB = 19 * 1024;

	static final int ITERATIONS = 2;

	private static final String ARGON2ID = "$argon2id$";

	private final Argon2 nativeArgon2;

	private final Semaphore hashing = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

	private final Argon2PasswordEncoder java = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM,
			MEMORY_KIB, ITERATIONS);

	/**
	 * libargon2 when it loads, else Bouncy Castle's Java implementation.
	 */
	public Argon2idPasswordEncoder() {
		this(loadNative());
	}

	Argon2idPasswordEncoder(Argon2 nativeArgon2) {
		this.nativeArgon2 = nativeArgon2;
	}

	private static Argon2 loadNative() {
		try {
			Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);
			// loads and runs the library once, with the smallest cost it takes
			argon2.hash(1, 8, 1, new char[] { 'x' });
			return argon2;
		}
		catch (LinkageError | RuntimeException ex) {
			log.warn("libargon2 could not be loaded ({}); passwords are hashed by Bouncy Castle's Java "
					+ "implementation instead, the same hashes at about half the speed", ex.toString());
			return null;
		}
	}

	/**
	 * @return whether libargon2 does the work (else Bouncy Castle's Java implementation)
	 */
	public boolean isNative() {
		return this.nativeArgon2 != null;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		if (this.nativeArgon2 == null) {
			return oneAtATimePerCore(() -> this.java.encode(rawPassword));
		}
		char[] password = rawPassword.toString().toCharArray();
		try {
			return oneAtATimePerCore(() -> this.nativeArgon2.hash(ITERATIONS, MEMORY_KIB, PARALLELISM, password));
		}
		finally {
			this.nativeArgon2.wipeArray(password);
		}
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return false;
		}
		if (this.nativeArgon2 == null || !encodedPassword.startsWith(ARGON2ID)) {
			// an Argon2i or Argon2d hash (never written here) is left to the Java code
			return oneAtATimePerCore(() -> this.java.matches(rawPassword, encodedPassword));
		}
		char[] password = rawPassword.toString().toCharArray();
		try {
			return oneAtATimePerCore(() -> this.nativeArgon2.verify(encodedPassword, password));
		}
		catch (RuntimeException ex) {
			// a malformed hash: no password matches it (as Spring's encoder answers)
			log.warn("Malformed Argon2id hash: {}", ex.getMessage());
			return false;
		}
		finally {
			this.nativeArgon2.wipeArray(password);
		}
	}

	private <T> T oneAtATimePerCore(Supplier<T> hash) {
		this.hashing.acquireUninterruptibly();
		try {
			return hash.get();
		}
		finally {
			this.hashing.release();
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		// parses the parameters only: true when they are weaker than ours
		return this.java.upgradeEncoding(encodedPassword);
	}

}
