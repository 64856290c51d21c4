package io.atrium.club.content;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import io.atrium.club.access.ContentRule;
import io.atrium.club.access.Drip;
import io.atrium.club.access.RuleConsistency;
import io.atrium.club.access.RuleTable;
import io.atrium.club.groups.Group;
import io.atrium.club.internal.ContentRows;
import io.atrium.club.internal.GroupRows;
import io.atrium.club.internal.RuleRows;
import io.atrium.club.internal.RuleRows.ItemKind;
import io.atrium.club.internal.RuleRows.StoredRule;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A producer's content: the modules and pages of each product, their order, publication,
 * page passwords and files, and the per-group rules (visibility, drip, expiration). Every
 * method checks the producer owns the product.
 */
@NamedInterface("content")
@Service
public class ClubContent {

	/** The largest file a page can hold, 20 MB. */
	public static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

	private final ClubProducts products;

	private final ContentRows rows;

	private final RuleRows rules;

	private final GroupRows groups;

	private final PasswordEncoder passwords;

	private final Clock clock;

	ClubContent(ClubProducts products, ContentRows rows, RuleRows rules, GroupRows groups, PasswordEncoder passwords,
			Clock clock) {
		this.products = products;
		this.rows = rows;
		this.rules = rules;
		this.groups = groups;
		this.passwords = passwords;
		this.clock = clock;
	}

	/**
	 * @param producerAccountId the producer
	 * @param productId the product
	 * @return its modules (main first, then extras) with their pages
	 */
	@Transactional
	public List<ModuleContent> content(long producerAccountId, long productId) {
		this.products.own(producerAccountId, productId);
		return tree(productId);
	}

	/**
	 * @param producerAccountId a producer
	 * @return whether any of the producer's members-area products has a page (one query)
	 */
	@Transactional(readOnly = true)
	public boolean anyPage(long producerAccountId) {
		return this.rows.anyPageOfProducer(producerAccountId);
	}

	public List<ModuleContent> tree(long productId) {
		Map<Long, List<ClubPage>> pages = new HashMap<>();
		for (ClubPage page : this.rows.pagesOfProduct(productId)) {
			pages.computeIfAbsent(page.moduleId(), (k) -> new ArrayList<>()).add(page);
		}
		return this.rows.modules(productId)
			.stream()
			.map((m) -> new ModuleContent(m, pages.getOrDefault(m.id(), List.of())))
			.toList();
	}

	/**
	 * @return the module, when it is of one of the producer's products
	 */
	@Transactional
	public ClubModule module(long producerAccountId, long moduleId) {
		ClubModule module = this.rows.module(moduleId)
			.orElseThrow(() -> new ClubNotFound("No module " + moduleId + "."));
		this.products.own(producerAccountId, module.productId());
		return module;
	}

	/**
	 * @return the page, when it is of one of the producer's products
	 */
	@Transactional
	public ClubPage page(long producerAccountId, long pageId) {
		ClubPage page = this.rows.page(pageId).orElseThrow(() -> new ClubNotFound("No page " + pageId + "."));
		this.products.own(producerAccountId, page.productId());
		return page;
	}

	/**
	 * Adds a module at the end of the product's modules.
	 * @return the module
	 * @throws ClubRefused when the name is empty or too long
	 */
	@Transactional
	public ClubModule addModule(long producerAccountId, long productId, ModuleDetails details) {
		this.products.own(producerAccountId, productId);
		long id = this.rows.insertModule(PublicIds.next(), productId, producerAccountId, name(details.name()),
				details.extra(), details.published(), this.clock.instant());
		return this.rows.module(id).orElseThrow();
	}

	/**
	 * @return the module as saved
	 */
	@Transactional
	public ClubModule changeModule(long producerAccountId, long moduleId, ModuleDetails details) {
		module(producerAccountId, moduleId);
		this.rows.updateModule(moduleId, name(details.name()), details.extra(), details.published(),
				this.clock.instant());
		return this.rows.module(moduleId).orElseThrow();
	}

	/**
	 * Moves a module one place up (-1) or down (+1) among the product's modules of the
	 * same kind (main or extra).
	 */
	@Transactional
	public void moveModule(long producerAccountId, long moduleId, int step) {
		ClubModule module = module(producerAccountId, moduleId);
		List<ClubModule> same = this.rows.modules(module.productId())
			.stream()
			.filter((m) -> m.extra() == module.extra())
			.toList();
		List<Long> order = new ArrayList<>(same.stream().map(ClubModule::id).toList());
		swap(order, moduleId, step);
		for (int i = 0; i < order.size(); i++) {
			this.rows.moduleAt(order.get(i), i + 1);
		}
	}

	/**
	 * Deletes an empty module.
	 * @throws ClubRefused when it still has pages
	 */
	@Transactional
	public void deleteModule(long producerAccountId, long moduleId) {
		module(producerAccountId, moduleId);
		if (!this.rows.pagesOfModule(moduleId).isEmpty()) {
			throw new ClubRefused("moduleId", "module.not-empty", "Delete or move the module's pages first.");
		}
		this.rows.deleteModule(moduleId);
	}

	/**
	 * Adds a page at the end of a module.
	 * @return the page
	 * @throws ClubRefused listing the first broken rule
	 */
	@Transactional
	public ClubPage addPage(long producerAccountId, long moduleId, PageDetails details) {
		ClubModule module = module(producerAccountId, moduleId);
		PageDetails clean = clean(details);
		long id = this.rows.insertPage(PublicIds.next(), moduleId, module.productId(), producerAccountId, clean.name(),
				clean.kind(), clean.body(), clean.mediaUrl(), clean.published(), null, this.clock.instant());
		return this.rows.page(id).orElseThrow();
	}

	/**
	 * @return the page as saved
	 */
	@Transactional
	public ClubPage changePage(long producerAccountId, long pageId, PageDetails details) {
		page(producerAccountId, pageId);
		PageDetails clean = clean(details);
		this.rows.updatePage(pageId, clean.name(), clean.kind(), clean.body(), clean.mediaUrl(), clean.published(),
				this.clock.instant());
		return this.rows.page(pageId).orElseThrow();
	}

	/**
	 * Sets or removes the page's password; students then type it once per session.
	 * @param password 4 to 100 characters, or null or blank to remove the password
	 */
	@Transactional
	public ClubPage setPassword(long producerAccountId, long pageId, String password) {
		page(producerAccountId, pageId);
		if (password == null || password.isBlank()) {
			this.rows.setPasswordHash(pageId, null);
		}
		else if (password.length() < 4 || password.length() > 100) {
			throw new ClubRefused("password", "page.password-length", "A page password has 4 to 100 characters.");
		}
		else {
			this.rows.setPasswordHash(pageId, this.passwords.encode(password));
		}
		return this.rows.page(pageId).orElseThrow();
	}

	/**
	 * Stores the file of a file page, replacing any earlier one.
	 * @throws ClubRefused when the file is empty or larger than {@link #MAX_FILE_BYTES}
	 */
	@Transactional
	public ClubPage putFile(long producerAccountId, long pageId, String fileName, String contentType, byte[] bytes) {
		page(producerAccountId, pageId);
		checkFile(bytes);
		this.rows.putFile(pageId, producerAccountId, fileName(fileName), contentType(contentType), bytes,
				this.clock.instant());
		return this.rows.page(pageId).orElseThrow();
	}

	/** The most attachments a page can have. */
	public static final int MAX_ATTACHMENTS = 20;

	/**
	 * Attaches a file to a page of any kind, for students to download under the page's
	 * access decision.
	 * @return the attachment
	 * @throws ClubRefused when the file is empty, larger than {@link #MAX_FILE_BYTES}, or
	 * the page has {@link #MAX_ATTACHMENTS} already
	 */
	@Transactional
	public PageAttachment attach(long producerAccountId, long pageId, String fileName, String contentType,
			byte[] bytes) {
		page(producerAccountId, pageId);
		checkFile(bytes);
		if (this.rows.attachments(pageId).size() >= MAX_ATTACHMENTS) {
			throw new ClubRefused("file", "file.too-many", "A page can have at most " + MAX_ATTACHMENTS + " files.",
					MAX_ATTACHMENTS);
		}
		long id = this.rows.insertAttachment(pageId, producerAccountId, fileName(fileName), contentType(contentType),
				bytes, this.clock.instant());
		return this.rows.attachments(pageId).stream().filter((a) -> a.id() == id).findFirst().orElseThrow();
	}

	/**
	 * @return the page's attachments, in upload order
	 */
	@Transactional(readOnly = true)
	public List<PageAttachment> attachments(long producerAccountId, long pageId) {
		page(producerAccountId, pageId);
		return this.rows.attachments(pageId);
	}

	/**
	 * Removes an attachment of the producer's page.
	 * @throws ClubNotFound when the page has no such attachment
	 */
	@Transactional
	public void detach(long producerAccountId, long pageId, long attachmentId) {
		page(producerAccountId, pageId);
		if (!this.rows.deleteAttachment(pageId, attachmentId)) {
			throw new ClubNotFound("No attachment " + attachmentId + " on page " + pageId + ".");
		}
	}

	private static void checkFile(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw new ClubRefused("file", "file.empty", "Choose a file to upload.");
		}
		if (bytes.length > MAX_FILE_BYTES) {
			throw new ClubRefused("file", "file.too-large", "A file can have at most 20 MB.");
		}
	}

	private static String fileName(String fileName) {
		String name = (fileName != null && !fileName.isBlank()) ? fileName.strip() : "file";
		name = name.replaceAll("[\\\\/\\r\\n\"]", "_");
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		return name;
	}

	private static String contentType(String contentType) {
		return (contentType != null && !contentType.isBlank() && contentType.length() <= 100) ? contentType
				: "application/octet-stream";
	}

	/**
	 * Moves a page one place up (-1) or down (+1) in its module.
	 */
	@Transactional
	public void movePage(long producerAccountId, long pageId, int step) {
		ClubPage page = page(producerAccountId, pageId);
		List<Long> order = new ArrayList<>(
				this.rows.pagesOfModule(page.moduleId()).stream().map(ClubPage::id).toList());
		swap(order, pageId, step);
		for (int i = 0; i < order.size(); i++) {
			this.rows.pageAt(order.get(i), i + 1);
		}
	}

	/**
	 * Deletes a page with its progress, comments, file and rules.
	 */
	@Transactional
	public void deletePage(long producerAccountId, long pageId) {
		page(producerAccountId, pageId);
		this.rows.deletePage(pageId);
	}

	/**
	 * @return the rule of every module and page for every group of the product
	 */
	@Transactional
	public RuleTable rules(long producerAccountId, long productId) {
		this.products.own(producerAccountId, productId);
		List<Group> groupList = this.groups.ofProduct(productId);
		List<ModuleContent> content = tree(productId);
		Map<String, ContentRule> stored = new HashMap<>();
		for (StoredRule r : this.rules.ofProduct(productId)) {
			stored.put(r.kind().name().charAt(0) + "" + r.itemId() + ":" + r.groupId(), r.rule());
		}
		Map<String, Map<Long, RuleTable.Cell>> cells = new LinkedHashMap<>();
		for (ModuleContent mc : content) {
			Map<Long, RuleTable.Cell> moduleCells = new LinkedHashMap<>();
			for (Group g : groupList) {
				ContentRule own = stored.get("M" + mc.module().id() + ":" + g.id());
				moduleCells.put(g.id(), new RuleTable.Cell((own != null) ? own : ContentRule.DEFAULT, own != null));
				for (ClubPage p : mc.pages()) {
					ContentRule pageOwn = stored.get("P" + p.id() + ":" + g.id());
					cells.computeIfAbsent("P" + p.id(), (k) -> new LinkedHashMap<>())
						.put(g.id(), new RuleTable.Cell(ContentRule.effective(pageOwn, own), pageOwn != null));
				}
			}
			cells.put("M" + mc.module().id(), moduleCells);
		}
		return new RuleTable(groupList, content, cells);
	}

	/**
	 * Sets a module's rule for a group; its pages without their own rule follow it.
	 * @throws ClubRefused when the group is of another product or a drip waits for a page
	 * of another product
	 */
	@Transactional
	public void setModuleRule(long producerAccountId, long groupId, long moduleId, ContentRule rule) {
		ClubModule module = module(producerAccountId, moduleId);
		checkRule(module.productId(), groupId, rule, null);
		checkCycles(producerAccountId, module.productId(), groupId, moduleId, null, rule);
		this.rules.put(producerAccountId, groupId, ItemKind.MODULE, moduleId, rule, this.clock.instant());
	}

	/**
	 * Sets a page's own rule for a group, or removes it (null) so the page follows its
	 * module again.
	 */
	@Transactional
	public void setPageRule(long producerAccountId, long groupId, long pageId, ContentRule rule) {
		ClubPage page = page(producerAccountId, pageId);
		if (rule == null) {
			checkGroup(page.productId(), groupId);
			checkCycles(producerAccountId, page.productId(), groupId, null, pageId, null);
			this.rules.clear(groupId, ItemKind.PAGE, pageId);
			return;
		}
		checkRule(page.productId(), groupId, rule, pageId);
		checkCycles(producerAccountId, page.productId(), groupId, null, pageId, rule);
		this.rules.put(producerAccountId, groupId, ItemKind.PAGE, pageId, rule, this.clock.instant());
	}

	/**
	 * Saves the rules of a module and its pages for every group at once (the module rules
	 * grid): every change is checked as {@link #setModuleRule} and {@link #setPageRule}
	 * check one, and the pages of each group must not wait for each other once all of
	 * them apply. Either every change is saved or none: cells whose rule is unchanged are
	 * not written.
	 * @param changes the cells of the module and its pages
	 * @return how many cells changed
	 * @throws RulesRefused with each refused cell's reason, when any is refused
	 * @throws ClubNotFound when the module, or an item of the changes, is not the
	 * producer's module or one of its pages
	 */
	@Transactional
	public int setModuleRules(long producerAccountId, long moduleId, List<RuleChange> changes) {
		ClubModule module = module(producerAccountId, moduleId);
		long productId = module.productId();
		RuleTable table = rules(producerAccountId, productId);
		ModuleContent mine = table.content()
			.stream()
			.filter((mc) -> mc.module().id() == moduleId)
			.findFirst()
			.orElseThrow();
		java.util.Set<Long> pageIds = new java.util.HashSet<>();
		mine.pages().forEach((p) -> pageIds.add(p.id()));
		Map<String, RuleChange> byCell = new LinkedHashMap<>();
		Map<String, ClubRefused> refused = new LinkedHashMap<>();
		for (RuleChange c : changes) {
			if (c.page() ? !pageIds.contains(c.itemId()) : c.itemId() != moduleId) {
				throw new ClubNotFound(
						"No " + (c.page() ? "page " : "module ") + c.itemId() + " in module " + moduleId);
			}
			byCell.put(c.cell(), c);
			try {
				if (c.rule() != null) {
					checkRule(productId, c.groupId(), c.rule(), c.page() ? c.itemId() : null);
				}
				else if (!c.page()) {
					throw new IllegalArgumentException("A module's rule cannot follow anything.");
				}
				else {
					checkGroup(productId, c.groupId());
				}
			}
			catch (ClubRefused ex) {
				refused.put(c.cell(), ex);
			}
		}
		for (Group g : table.groups()) {
			checkGridCycles(table, moduleId, g.id(), byCell, refused);
		}
		if (!refused.isEmpty()) {
			throw new RulesRefused(refused);
		}
		java.time.Instant now = this.clock.instant();
		int saved = 0;
		for (RuleChange c : byCell.values()) {
			RuleTable.Cell cell = c.page() ? table.page(c.itemId(), c.groupId())
					: table.module(c.itemId(), c.groupId());
			ItemKind kind = c.page() ? ItemKind.PAGE : ItemKind.MODULE;
			if (c.rule() == null) {
				if (cell.own()) {
					this.rules.clear(c.groupId(), kind, c.itemId());
					saved++;
				}
			}
			else if (!cell.own() || !cell.rule().equals(c.rule())) {
				if (c.page() || cell.own() || !c.rule().equals(ContentRule.DEFAULT)) {
					this.rules.put(producerAccountId, c.groupId(), kind, c.itemId(), c.rule(), now);
					saved++;
				}
			}
		}
		return saved;
	}

	/**
	 * Refuses, at a changed cell, a grid after which pages of the group wait for each
	 * other (unless they already did before).
	 */
	private static void checkGridCycles(RuleTable table, long moduleId, long groupId, Map<String, RuleChange> byCell,
			Map<String, ClubRefused> refused) {
		Map<Long, Long> before = new HashMap<>();
		Map<Long, Long> after = new HashMap<>();
		Map<Long, String> names = new HashMap<>();
		for (ModuleContent mc : table.content()) {
			RuleChange moduleChange = byCell.get(RuleChange.cell(false, mc.module().id(), groupId));
			ContentRule moduleRule = (moduleChange != null && moduleChange.rule() != null) ? moduleChange.rule()
					: table.module(mc.module().id(), groupId).rule();
			for (ClubPage p : mc.pages()) {
				names.put(p.id(), p.name());
				RuleTable.Cell cell = table.page(p.id(), groupId);
				RuleChange change = byCell.get(RuleChange.cell(true, p.id(), groupId));
				ContentRule next;
				if (change != null) {
					next = (change.rule() != null) ? change.rule() : moduleRule;
				}
				else {
					next = cell.own() ? cell.rule() : moduleRule;
				}
				putWait(before, p.id(), cell.rule());
				putWait(after, p.id(), next);
			}
		}
		if (RuleConsistency.cycle(before) != null) {
			return;
		}
		Long start = RuleConsistency.cycle(after);
		if (start == null) {
			return;
		}
		// the cell to blame: a page of the cycle whose rule this grid changes, else the
		// module
		Long blamed = null;
		Long current = start;
		do {
			if (byCell.containsKey(RuleChange.cell(true, current, groupId))) {
				blamed = current;
			}
			current = after.get(current);
		}
		while (current != null && !current.equals(start));
		String cell = (blamed != null) ? RuleChange.cell(true, blamed, groupId)
				: RuleChange.cell(false, moduleId, groupId);
		try {
			RuleConsistency.checkCycles(after, names, blamed);
		}
		catch (ClubRefused ex) {
			refused.putIfAbsent(cell, ex);
		}
	}

	/**
	 * @return the rule that applies to the page for the group (page, else module, else
	 * default)
	 */
	public ContentRule effectiveRule(long groupId, ClubPage page) {
		ContentRule own = this.rules.find(groupId, ItemKind.PAGE, page.id()).orElse(null);
		ContentRule module = this.rules.find(groupId, ItemKind.MODULE, page.moduleId()).orElse(null);
		return ContentRule.effective(own, module);
	}

	public boolean passwordMatches(long pageId, String password) {
		Optional<String> hash = this.rows.passwordHash(pageId);
		return hash.isPresent() && password != null && this.passwords.matches(password, hash.get());
	}

	private void checkRule(long productId, long groupId, ContentRule rule, Long pageId) {
		checkGroup(productId, groupId);
		RuleConsistency.check(rule);
		Long after = rule.drip().afterPageId();
		if (after != null) {
			ClubPage prerequisite = this.rows.page(after).orElse(null);
			if (prerequisite == null || prerequisite.productId() != productId) {
				throw new ClubRefused("drip", "rule.page-unknown",
						"The page to complete first must be a page of the same product.");
			}
			if (after.equals(pageId)) {
				throw new ClubRefused("drip", "rule.page-itself", "A page cannot wait for itself to be completed.");
			}
		}
	}

	/**
	 * Refuses a change after which pages of the group wait for each other (a module's
	 * rule can make a page inherit a wait for itself; clearing a page's rule can too). A
	 * cycle saved before these checks existed does not block other changes.
	 */
	private void checkCycles(long producerAccountId, long productId, long groupId, Long moduleId, Long pageId,
			ContentRule rule) {
		RuleTable table = rules(producerAccountId, productId);
		Map<Long, Long> before = new HashMap<>();
		Map<Long, Long> after = new HashMap<>();
		Map<Long, String> names = new HashMap<>();
		for (ModuleContent mc : table.content()) {
			ContentRule moduleRule = table.module(mc.module().id(), groupId).rule();
			ContentRule changedModuleRule = (moduleId != null && moduleId == mc.module().id()) ? rule : moduleRule;
			for (ClubPage p : mc.pages()) {
				names.put(p.id(), p.name());
				RuleTable.Cell cell = table.page(p.id(), groupId);
				ContentRule now = cell.rule();
				ContentRule next = cell.own() ? now : changedModuleRule;
				if (pageId != null && pageId == p.id()) {
					next = (rule != null) ? rule : changedModuleRule;
				}
				putWait(before, p.id(), now);
				putWait(after, p.id(), next);
			}
		}
		if (RuleConsistency.cycle(before) == null) {
			RuleConsistency.checkCycles(after, names, pageId);
		}
	}

	private static void putWait(Map<Long, Long> waits, long pageId, ContentRule rule) {
		if (rule.drip().kind() == Drip.Kind.AFTER_PAGE) {
			waits.put(pageId, rule.drip().afterPageId());
		}
	}

	private void checkGroup(long productId, long groupId) {
		if (!this.groups.belongsTo(groupId, productId)) {
			throw new ClubRefused("groupId", "group.other-product",
					"Group " + groupId + " is not a group of this product.", groupId);
		}
	}

	private static void swap(List<Long> order, long id, int step) {
		int i = order.indexOf(id);
		int j = i + Integer.signum(step);
		if (i >= 0 && j >= 0 && j < order.size()) {
			order.set(i, order.get(j));
			order.set(j, id);
		}
	}

	private static String name(String name) {
		String clean = (name != null) ? name.strip() : "";
		if (clean.isEmpty()) {
			throw new ClubRefused("name", "content.name-required", "Enter a name.");
		}
		if (clean.length() > 100) {
			throw new ClubRefused("name", "content.name-too-long", "A name can have at most 100 characters.");
		}
		return clean;
	}

	private static PageDetails clean(PageDetails in) {
		if (in.kind() == null) {
			throw new ClubRefused("kind", "page.kind-required", "Choose what the page holds.");
		}
		String body = (in.body() != null) ? in.body().strip() : "";
		if (body.length() > 20000) {
			throw new ClubRefused("body", "page.body-too-long", "A page's text can have at most 20000 characters.");
		}
		String url = null;
		if (in.kind() == PageKind.VIDEO || in.kind() == PageKind.LINK) {
			url = (in.mediaUrl() != null && !in.mediaUrl().isBlank()) ? in.mediaUrl().strip() : null;
			if (url != null && (url.length() > 2000 || !isWebAddress(url))) {
				throw new ClubRefused("mediaUrl", "page.url-invalid",
						"The address must be a full http:// or https:// address.");
			}
		}
		return new PageDetails(name(in.name()), in.kind(), body, url, in.published());
	}

	private static boolean isWebAddress(String url) {
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
		}
		catch (Exception ex) {
			return false;
		}
	}

}
