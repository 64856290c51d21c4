package io.atrium.accounts;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person signed in to a page. Controllers of any module take it with
 * {@code @AuthenticationPrincipal SignedInAccount me} to know who is asking.
 */
public final class SignedInAccount implements UserDetails, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String email;

	private final String name;

	private final Set<Role> roles;

	private transient String passwordHash;

	private final boolean active;

	/**
	 * @param id the account id
	 * @param email the canonical e-mail address
	 * @param name the display name
	 * @param roles the account's roles
	 * @param passwordHash the stored password hash, null until the account is activated
	 * @param active whether the account is activated
	 */
	public SignedInAccount(long id, String email, String name, Set<Role> roles, String passwordHash, boolean active) {
		this.id = id;
		this.email = email;
		this.name = name;
		this.roles = Set.copyOf(roles);
		this.passwordHash = passwordHash;
		this.active = active;
	}

	/**
	 * @return the account's id
	 */
	public AccountId accountId() {
		return new AccountId(this.id);
	}

	/**
	 * @return the canonical e-mail address
	 */
	public String email() {
		return this.email;
	}

	/**
	 * @return the display name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * @return the roles
	 */
	public Set<Role> roles() {
		return this.roles;
	}

	/**
	 * @return whether the account holds the role
	 */
	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.roles.stream().map((r) -> new SimpleGrantedAuthority(r.authority())).toList();
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isEnabled() {
		return this.active;
	}

	/** Drops the password hash once authentication is over. */
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SignedInAccount that && that.id == this.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return "SignedInAccount[" + this.id + "]";
	}

}
