package io.atrium.club.content;

import java.util.Map;

import io.atrium.club.ClubRefused;

/**
 * A grid of rules refused as a whole, nothing saved: per cell
 * ({@link RuleChange#cell()}), why that cell's rule cannot be.
 */
public class RulesRefused extends RuntimeException {

	private final Map<String, ClubRefused> cells;

	/**
	 * @param cells per cell key, the refusal
	 */
	public RulesRefused(Map<String, ClubRefused> cells) {
		super(cells.size() + " rules refused: " + cells.values().iterator().next().getMessage());
		this.cells = Map.copyOf(cells);
	}

	/**
	 * @return per cell key, the refusal
	 */
	public Map<String, ClubRefused> cells() {
		return this.cells;
	}

}
