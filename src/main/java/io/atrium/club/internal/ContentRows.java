package io.atrium.club.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.PageAttachment;
import io.atrium.club.content.PageKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code club_modules}, {@code club_pages}, {@code club_page_files} and
 * {@code club_page_attachments} tables.
 */
@Repository
public class ContentRows {

	private static final String MODULES = "SELECT id, public_id, product_id, name, position, is_extra, published, "
			+ "cover_image FROM club_modules ";

	private static final String PAGES = "SELECT p.id, p.public_id, p.module_id, p.product_id, p.name, p.kind, p.body, "
			+ "p.media_url, p.position, p.published, p.password_hash, f.file_name FROM club_pages p "
			+ "LEFT JOIN club_page_files f ON f.page_id = p.id ";

	private final JdbcClient jdbc;

	public ContentRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insertModule(String publicId, long productId, long producerAccountId, String name, boolean extra,
			boolean published, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO club_modules (public_id, product_id, producer_account_id, name, position, is_extra, "
					+ "published, created_at, updated_at) VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 "
					+ "FROM club_modules WHERE product_id = ?), ?, ?, ?, ?)")
			.params(publicId, productId, producerAccountId, name, productId, extra, published, Times.utc(now),
					Times.utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public void updateModule(long id, String name, boolean extra, boolean published, Instant now) {
		this.jdbc.sql("UPDATE club_modules SET name = ?, is_extra = ?, published = ?, updated_at = ? WHERE id = ?")
			.params(name, extra, published, Times.utc(now), id)
			.update();
	}

	/** Keeps a module's cover (a media image reference), or null for none. */
	public void moduleCover(long id, String coverImage) {
		this.jdbc.sql("UPDATE club_modules SET cover_image = ? WHERE id = ?").params(coverImage, id).update();
	}

	public void moduleAt(long id, int position) {
		this.jdbc.sql("UPDATE club_modules SET position = ? WHERE id = ?").params(position, id).update();
	}

	public Optional<ClubModule> module(long id) {
		return this.jdbc.sql(MODULES + "WHERE id = ?").param(id).query(ContentRows::module).optional();
	}

	public Optional<ClubModule> moduleByPublicId(String publicId) {
		return this.jdbc.sql(MODULES + "WHERE public_id = ?").param(publicId).query(ContentRows::module).optional();
	}

	/**
	 * @return the product's modules: main ones first, then extras, each by position
	 */
	public List<ClubModule> modules(long productId) {
		return this.jdbc.sql(MODULES + "WHERE product_id = ? ORDER BY is_extra, position, id")
			.param(productId)
			.query(ContentRows::module)
			.list();
	}

	public void deleteModule(long id) {
		this.jdbc.sql("DELETE FROM club_rules WHERE item_kind = 'MODULE' AND item_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM club_modules WHERE id = ?").param(id).update();
	}

	public long insertPage(String publicId, long moduleId, long productId, long producerAccountId, String name,
			PageKind kind, String body, String mediaUrl, boolean published, String passwordHash, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO club_pages (public_id, module_id, product_id, producer_account_id, name, kind, body, "
					+ "media_url, position, published, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
					+ "?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM club_pages WHERE module_id = ?), ?, ?, ?, ?)")
			.params(publicId, moduleId, productId, producerAccountId, name, kind.name(), body, mediaUrl, moduleId,
					published, passwordHash, Times.utc(now), Times.utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public void updatePage(long id, String name, PageKind kind, String body, String mediaUrl, boolean published,
			Instant now) {
		this.jdbc
			.sql("UPDATE club_pages SET name = ?, kind = ?, body = ?, media_url = ?, published = ?, updated_at = ? "
					+ "WHERE id = ?")
			.params(name, kind.name(), body, mediaUrl, published, Times.utc(now), id)
			.update();
	}

	public void setPasswordHash(long id, String passwordHash) {
		this.jdbc.sql("UPDATE club_pages SET password_hash = ? WHERE id = ?").params(passwordHash, id).update();
	}

	public Optional<String> passwordHash(long id) {
		return this.jdbc.sql("SELECT password_hash FROM club_pages WHERE id = ? AND password_hash IS NOT NULL")
			.param(id)
			.query(String.class)
			.optional();
	}

	public void pageAt(long id, int position) {
		this.jdbc.sql("UPDATE club_pages SET position = ? WHERE id = ?").params(position, id).update();
	}

	public Optional<ClubPage> page(long id) {
		return this.jdbc.sql(PAGES + "WHERE p.id = ?").param(id).query(ContentRows::page).optional();
	}

	public Optional<ClubPage> pageByPublicId(String publicId) {
		return this.jdbc.sql(PAGES + "WHERE p.public_id = ?").param(publicId).query(ContentRows::page).optional();
	}

	/**
	 * @return the module's pages by position
	 */
	public List<ClubPage> pagesOfModule(long moduleId) {
		return this.jdbc.sql(PAGES + "WHERE p.module_id = ? ORDER BY p.position, p.id")
			.param(moduleId)
			.query(ContentRows::page)
			.list();
	}

	/**
	 * @return the product's pages, by module then position (main modules first)
	 */
	public boolean anyPageOfProducer(long producerAccountId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM club_pages p JOIN club_products c ON c.product_id = p.product_id "
					+ "WHERE c.producer_account_id = ?")
			.param(producerAccountId)
			.query(Long.class)
			.single() > 0;
	}

	public List<ClubPage> pagesOfProduct(long productId) {
		return this.jdbc
			.sql(PAGES + "JOIN club_modules m ON m.id = p.module_id WHERE p.product_id = ? "
					+ "ORDER BY m.is_extra, m.position, m.id, p.position, p.id")
			.param(productId)
			.query(ContentRows::page)
			.list();
	}

	public void deletePage(long id) {
		this.jdbc.sql("DELETE FROM club_rules WHERE item_kind = 'PAGE' AND item_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM club_progress WHERE page_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM club_comments WHERE page_id = ? AND parent_id IS NOT NULL").param(id).update();
		this.jdbc.sql("DELETE FROM club_comments WHERE page_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM club_page_files WHERE page_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM club_page_attachments WHERE page_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM club_last_pages WHERE page_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM club_pages WHERE id = ?").param(id).update();
	}

	public void putFile(long pageId, long producerAccountId, String fileName, String contentType, byte[] bytes,
			Instant now) {
		this.jdbc.sql("DELETE FROM club_page_files WHERE page_id = ?").param(pageId).update();
		this.jdbc
			.sql("INSERT INTO club_page_files (page_id, producer_account_id, file_name, content_type, bytes, "
					+ "uploaded_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(pageId, producerAccountId, fileName, contentType, bytes, Times.utc(now))
			.update();
	}

	public Optional<StoredFile> file(long pageId) {
		return this.jdbc.sql("SELECT file_name, content_type, bytes FROM club_page_files WHERE page_id = ?")
			.param(pageId)
			.query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	public long insertAttachment(long pageId, long producerAccountId, String fileName, String contentType, byte[] bytes,
			Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO club_page_attachments (page_id, producer_account_id, file_name, content_type, "
					+ "size_bytes, bytes, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(pageId, producerAccountId, fileName, contentType, bytes.length, bytes, Times.utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * @return the page's attachments without their bytes, in upload order
	 */
	public List<PageAttachment> attachments(long pageId) {
		return this.jdbc
			.sql("SELECT id, file_name, content_type, size_bytes FROM club_page_attachments WHERE page_id = ? "
					+ "ORDER BY id")
			.param(pageId)
			.query((rs, n) -> new PageAttachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.list();
	}

	/**
	 * @return the attachment with its bytes, only when it belongs to that page
	 */
	public Optional<StoredFile> attachment(long pageId, long attachmentId) {
		return this.jdbc
			.sql("SELECT file_name, content_type, bytes FROM club_page_attachments WHERE page_id = ? AND id = ?")
			.params(pageId, attachmentId)
			.query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	/**
	 * @return whether an attachment of that page was deleted
	 */
	public boolean deleteAttachment(long pageId, long attachmentId) {
		return this.jdbc.sql("DELETE FROM club_page_attachments WHERE page_id = ? AND id = ?")
			.params(pageId, attachmentId)
			.update() > 0;
	}

	private static ClubModule module(ResultSet rs, int n) throws SQLException {
		return new ClubModule(rs.getLong("id"), rs.getString("public_id"), rs.getLong("product_id"),
				rs.getString("name"), rs.getInt("position"), rs.getBoolean("is_extra"), rs.getBoolean("published"),
				rs.getString("cover_image"));
	}

	private static ClubPage page(ResultSet rs, int n) throws SQLException {
		return new ClubPage(rs.getLong("id"), rs.getString("public_id"), rs.getLong("module_id"),
				rs.getLong("product_id"), rs.getString("name"), PageKind.valueOf(rs.getString("kind")),
				rs.getString("body"), rs.getString("media_url"), rs.getInt("position"), rs.getBoolean("published"),
				rs.getString("password_hash") != null, rs.getString("file_name"));
	}

	/**
	 * A page's uploaded file.
	 *
	 * @param fileName the name it was uploaded with
	 * @param contentType its media type
	 * @param bytes its content
	 */
	public record StoredFile(String fileName, String contentType, byte[] bytes) {
	}

}
