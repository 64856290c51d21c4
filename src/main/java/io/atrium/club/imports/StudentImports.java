package io.atrium.club.imports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.atrium.accounts.ProducerTimeZones;
import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import io.atrium.club.content.ClubProducts;
import io.atrium.club.groups.Enrolled;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.Group;
import io.atrium.club.groups.StudentImport;
import io.atrium.club.internal.GroupRows;
import io.atrium.club.internal.ImportRows;
import io.atrium.club.internal.ImportRows.NewRow;
import io.atrium.shared.EmailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Students a producer adds without a purchase: one by one, or from a CSV file (e-mail,
 * name, group name, optional original purchase date, optional access end, dates as
 * {@code yyyy-MM-dd}). A file is stored as an import with its rows in one transaction and
 * processed in the background by the db-scheduler task {@code club-student-import} (one
 * instance runs it; a crash resumes with the rows still waiting), one transaction per
 * row. Each row ends CREATED, UPDATED or REFUSED with its reason; a broken row changes
 * nothing. New students get the access e-mail from {@link Enrollments#enroll}.
 * <p>
 * Dates are days in the producer's time zone: access starts at the start of the start day
 * and lasts through the end day.
 */
@Service
public class StudentImports {

	private static final Logger log = LoggerFactory.getLogger(StudentImports.class);

	/** The most rows one file may have. */
	public static final int MAX_ROWS = 10_000;

	/** The largest file, in bytes. */
	public static final int MAX_BYTES = 2 * 1024 * 1024;

	private static final String REFUSED = "club-users.import.refused.";

	private final ClubProducts products;

	private final ImportRows imports;

	private final GroupRows groups;

	private final Enrollments enrollments;

	private final ProducerTimeZones zones;

	private final SchedulerClient scheduler;

	private final com.github.kagkarlsson.scheduler.Clock schedulerClock;

	private final TransactionTemplate transactions;

	private final Clock clock;

	StudentImports(ClubProducts products, ImportRows imports, GroupRows groups, Enrollments enrollments,
			ProducerTimeZones zones, SchedulerClient scheduler, com.github.kagkarlsson.scheduler.Clock schedulerClock,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.products = products;
		this.imports = imports;
		this.groups = groups;
		this.enrollments = enrollments;
		this.zones = zones;
		this.scheduler = scheduler;
		this.schedulerClock = schedulerClock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Adds one student (or updates an enrolled one) from the Users tab's form.
	 * @param groupId the group, or null for the default group
	 * @param startedOn the original purchase date, or null for now
	 * @param endsOn the last day of access, or null for never
	 * @return the enrolment and whether it was created
	 * @throws ClubRefused as {@link Enrollments#enroll} does
	 */
	@Transactional
	public Enrolled addOne(long producerAccountId, long productId, String email, String name, Long groupId,
			LocalDate startedOn, LocalDate endsOn) {
		return this.enrollments.enroll(producerAccountId, productId, new StudentImport(email, name, groupId,
				startOf(startedOn, producerAccountId), endOf(endsOn, producerAccountId)));
	}

	/**
	 * Stores a CSV file as an import and schedules its processing.
	 * @param file the file's bytes
	 * @return the import's id
	 * @throws ClubRefused when the file is empty, larger than {@link #MAX_BYTES} or has
	 * more than {@link #MAX_ROWS} rows (nothing is stored)
	 * @throws ClubNotFound when the product is not the producer's
	 */
	@Transactional
	public long start(long producerAccountId, long productId, byte[] file) {
		this.products.own(producerAccountId, productId);
		if (file.length > MAX_BYTES) {
			throw new ClubRefused("file", "import.too-large", "A file can have at most 2 MB.", 2);
		}
		List<StudentCsv.Record> records = StudentCsv.read(file);
		if (records.isEmpty()) {
			throw new ClubRefused("file", "import.empty", "The file has no students.");
		}
		if (records.size() > MAX_ROWS) {
			throw new ClubRefused("file", "import.too-many-rows", "A file can have at most 10000 students.", MAX_ROWS);
		}
		List<NewRow> rows = records.stream().map(StudentImports::newRow).toList();
		long id = this.imports.insert(productId, producerAccountId, rows, this.clock.instant());
		// joins this transaction (the starter makes the scheduler's DataSource
		// transaction-aware): no import without its task, no task without its import
		this.scheduler
			.schedule(StudentImportTask.TASK.instance(String.valueOf(id)).scheduledTo(this.schedulerClock.now()));
		log.info("Student import {} of product {}: {} rows", id, productId, rows.size());
		return id;
	}

	/**
	 * @param withRows whether to read every row (the report) or only the progress
	 * @return the import
	 * @throws ClubNotFound when it is not an import of the producer's product
	 */
	@Transactional(readOnly = true)
	public ImportReport report(long producerAccountId, long productId, long importId, boolean withRows) {
		return this.imports.find(importId, withRows)
			.filter((r) -> r.productId() == productId && this.imports.producerOf(importId) == producerAccountId)
			.orElseThrow(() -> new ClubNotFound("No import " + importId + " of product " + productId + "."));
	}

	/**
	 * @return the latest imports of the product, newest first, without their rows
	 */
	@Transactional
	public List<ImportReport> latest(long producerAccountId, long productId) {
		this.products.own(producerAccountId, productId);
		return this.imports.latest(productId, producerAccountId, 10);
	}

	/**
	 * Processes the rows still waiting, each in its own transaction, then marks the
	 * import done. The scheduler calls this.
	 */
	void run(long importId) {
		ImportReport job = this.transactions.execute((s) -> this.imports.find(importId, false)).orElse(null);
		if (job == null) {
			return;
		}
		long producer = this.imports.producerOf(importId);
		List<ImportReport.Row> waiting = this.transactions.execute((s) -> this.imports.waiting(importId));
		for (ImportReport.Row row : waiting) {
			process(importId, producer, job.productId(), row);
		}
		this.transactions.executeWithoutResult((s) -> this.imports.finish(importId, this.clock.instant()));
		log.info("Student import {} done", importId);
	}

	private void process(long importId, long producer, long productId, ImportReport.Row row) {
		try {
			this.transactions.executeWithoutResult((s) -> {
				if (!this.imports.claim(importId, row.line())) {
					return;
				}
				Optional<Refusal> refusal = check(importId, producer, productId, row);
				if (refusal.isPresent()) {
					this.imports.decide(importId, row.line(), ImportOutcome.REFUSED, refusal.get().key(),
							refusal.get().args());
					return;
				}
				Long groupId = row.group().isBlank() ? null : groupId(productId, row.group()).orElseThrow();
				Enrolled enrolled = this.enrollments.enroll(producer, productId,
						new StudentImport(row.email(), row.name(), groupId, startOf(date(row.startedOn()), producer),
								endOf(date(row.endsOn()), producer)));
				this.imports.decide(importId, row.line(),
						enrolled.created() ? ImportOutcome.CREATED : ImportOutcome.UPDATED, null, List.of());
			});
		}
		catch (ClubRefused ex) {
			boolean plain = ex.args().length == 0;
			refuse(importId, row, plain ? ex.messageKey() : REFUSED + "other",
					plain ? List.of() : List.of(ex.getMessage()));
		}
		catch (TransientDataAccessException ex) {
			// the scheduler retries the import later, from this row
			throw ex;
		}
		catch (RuntimeException ex) {
			log.warn("Student import {} line {} failed", importId, row.line(), ex);
			refuse(importId, row, REFUSED + "error", List.of());
		}
	}

	private void refuse(long importId, ImportReport.Row row, String key, List<String> args) {
		this.transactions
			.executeWithoutResult((s) -> this.imports.decide(importId, row.line(), ImportOutcome.REFUSED, key, args));
	}

	private Optional<Refusal> check(long importId, long producer, long productId, ImportReport.Row row) {
		if (!EmailAddress.isValidInput(row.email().strip())) {
			return Refusal.of("email", row.email());
		}
		Optional<Integer> earlier = this.imports.earlierLineWith(importId, row.line(), row.email());
		if (earlier.isPresent()) {
			return Refusal.of("duplicate", String.valueOf(earlier.get()));
		}
		if (!row.group().isBlank() && groupId(productId, row.group()).isEmpty()) {
			return Refusal.of("group", row.group());
		}
		LocalDate start;
		LocalDate end;
		try {
			start = date(row.startedOn());
		}
		catch (DateTimeParseException ex) {
			return Refusal.of("start-date", row.startedOn());
		}
		try {
			end = date(row.endsOn());
		}
		catch (DateTimeParseException ex) {
			return Refusal.of("end-date", row.endsOn());
		}
		Instant from = (start != null) ? startOf(start, producer) : this.clock.instant();
		if (end != null && !endOf(end, producer).isAfter(from)) {
			return Refusal.of("end-before-start", row.endsOn());
		}
		return Optional.empty();
	}

	private Optional<Long> groupId(long productId, String name) {
		String wanted = name.strip().toLowerCase(Locale.ROOT);
		return this.groups.ofProduct(productId)
			.stream()
			.filter((g) -> g.name().strip().toLowerCase(Locale.ROOT).equals(wanted))
			.map(Group::id)
			.findFirst();
	}

	private Instant startOf(LocalDate day, long producer) {
		return (day != null) ? day.atStartOfDay(zone(producer)).toInstant() : null;
	}

	private Instant endOf(LocalDate day, long producer) {
		return (day != null) ? day.plusDays(1).atStartOfDay(zone(producer)).toInstant() : null;
	}

	private ZoneId zone(long producer) {
		return this.zones.of(producer);
	}

	private static LocalDate date(String text) {
		return (text == null || text.isBlank()) ? null : LocalDate.parse(text.strip());
	}

	private static NewRow newRow(StudentCsv.Record record) {
		List<String> f = record.fields();
		String email = field(f, 0);
		String name = field(f, 1);
		String group = field(f, 2);
		String startedOn = field(f, 3);
		String endsOn = field(f, 4);
		String refusal = null;
		if (f.size() > 5) {
			refusal = ImportRows.message(REFUSED + "columns", List.of(String.valueOf(f.size())));
		}
		else if (email.length() > 254) {
			refusal = ImportRows.message(REFUSED + "email", List.of(cut(email, 60)));
		}
		else if (group.length() > 60) {
			refusal = ImportRows.message(REFUSED + "group", List.of(cut(group, 60)));
		}
		else if (startedOn.length() > 40) {
			refusal = ImportRows.message(REFUSED + "start-date", List.of(cut(startedOn, 40)));
		}
		else if (endsOn.length() > 40) {
			refusal = ImportRows.message(REFUSED + "end-date", List.of(cut(endsOn, 40)));
		}
		return new NewRow(record.line(), cut(email, 254), cut(name, 100), cut(group, 60), cut(startedOn, 40),
				cut(endsOn, 40), refusal);
	}

	private static String field(List<String> fields, int index) {
		return (index < fields.size()) ? fields.get(index) : "";
	}

	private static String cut(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) : text;
	}

	private record Refusal(String key, List<String> args) {

		static Optional<Refusal> of(String reason, String arg) {
			return Optional.of(new Refusal(REFUSED + reason, List.of((arg != null) ? arg : "")));
		}

	}

}
