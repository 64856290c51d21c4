package io.atrium.club.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.atrium.club.access.ContentRule;
import io.atrium.club.access.Drip;
import io.atrium.club.access.Expiration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code club_rules} table: per group and module or page, visibility, drip and
 * expiration.
 */
@Repository
public class RuleRows {

	private static final String SELECT = "SELECT r.group_id, r.item_kind, r.item_id, r.visible, r.drip_kind, "
			+ "r.drip_days, r.drip_date, r.drip_page_id, r.expire_kind, r.expire_days, r.expire_date FROM club_rules r ";

	private final JdbcClient jdbc;

	public RuleRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ContentRule> find(long groupId, ItemKind kind, long itemId) {
		return this.jdbc.sql(SELECT + "WHERE r.group_id = ? AND r.item_kind = ? AND r.item_id = ?")
			.params(groupId, kind.name(), itemId)
			.query((rs, n) -> rule(rs))
			.optional();
	}

	/**
	 * @return every rule of the product's groups
	 */
	public List<StoredRule> ofProduct(long productId) {
		return this.jdbc.sql(SELECT + "JOIN club_groups g ON g.id = r.group_id WHERE g.product_id = ?")
			.param(productId)
			.query((rs, n) -> new StoredRule(rs.getLong("group_id"), ItemKind.valueOf(rs.getString("item_kind")),
					rs.getLong("item_id"), rule(rs)))
			.list();
	}

	public void put(long producerAccountId, long groupId, ItemKind kind, long itemId, ContentRule rule, Instant now) {
		clear(groupId, kind, itemId);
		Drip d = rule.drip();
		Expiration e = rule.expiration();
		this.jdbc
			.sql("INSERT INTO club_rules (group_id, producer_account_id, item_kind, item_id, visible, drip_kind, "
					+ "drip_days, drip_date, drip_page_id, expire_kind, expire_days, expire_date, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(groupId, producerAccountId, kind.name(), itemId, rule.visible(), d.kind().name(), d.days(),
					Times.utc(d.date()), d.afterPageId(), e.kind().name(), e.days(), Times.utc(e.date()),
					Times.utc(now))
			.update();
	}

	public void clear(long groupId, ItemKind kind, long itemId) {
		this.jdbc.sql("DELETE FROM club_rules WHERE group_id = ? AND item_kind = ? AND item_id = ?")
			.params(groupId, kind.name(), itemId)
			.update();
	}

	private static ContentRule rule(ResultSet rs) throws SQLException {
		Drip.Kind dk = Drip.Kind.valueOf(rs.getString("drip_kind"));
		Drip drip = new Drip(dk, (Integer) rs.getObject("drip_days", Integer.class), Times.instant(rs, "drip_date"),
				(Long) rs.getObject("drip_page_id", Long.class));
		Expiration.Kind ek = Expiration.Kind.valueOf(rs.getString("expire_kind"));
		Expiration expiration = new Expiration(ek, (Integer) rs.getObject("expire_days", Integer.class),
				Times.instant(rs, "expire_date"));
		return new ContentRule(rs.getBoolean("visible"), drip, expiration);
	}

	/**
	 * What a rule is about.
	 */
	public enum ItemKind {

		/** A module (its pages inherit it). */
		MODULE,

		/** A page (overrides its module). */
		PAGE

	}

	/**
	 * A rule with its group and item.
	 *
	 * @param groupId the group
	 * @param kind module or page
	 * @param itemId the module's or page's internal id
	 * @param rule the rule
	 */
	public record StoredRule(long groupId, ItemKind kind, long itemId, ContentRule rule) {
	}

}
