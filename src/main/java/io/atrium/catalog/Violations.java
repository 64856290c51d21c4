package io.atrium.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects broken rules, then throws them all at once.
 */
final class Violations {

	final List<InvalidCatalogInput.Violation> list = new ArrayList<>();

	Violations add(String field, String code, String message, Object... args) {
		this.list.add(new InvalidCatalogInput.Violation(field, code, message, List.of(args)));
		return this;
	}

	boolean has(String field) {
		return this.list.stream().anyMatch((v) -> v.field().equals(field));
	}

	List<InvalidCatalogInput.Violation> list() {
		return List.copyOf(this.list);
	}

	void throwIfAny() {
		if (!this.list.isEmpty()) {
			throw new InvalidCatalogInput(this.list);
		}
	}

}
