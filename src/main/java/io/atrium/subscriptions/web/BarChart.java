package io.atrium.subscriptions.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart drawn on the server as SVG (like the sales chart): one bar per point,
 * scaled to the highest value, with each point's label and value also listed as table
 * rows for a screen reader or anyone who prefers numbers.
 *
 * @param width the view box width
 * @param height the view box height
 * @param baseline the y of the horizontal axis
 * @param bars the bars, in order
 */
record BarChart(int width, int height, int baseline, List<Bar> bars) {

	static final int HEIGHT = 200;

	static final int TOP = 10;

	static final int BOTTOM = 20;

	static final int STEP = 40;

	/**
	 * @param points the points, in order
	 * @return the chart
	 */
	static BarChart of(List<Point> points) {
		int baseline = HEIGHT - BOTTOM;
		long max = points.stream().mapToLong(Point::value).max().orElse(0);
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < points.size(); i++) {
			Point p = points.get(i);
			int h = (max <= 0) ? 0 : (int) Math.round((double) Math.max(0, p.value()) * (baseline - TOP) / max);
			bars.add(new Bar(i * STEP + 4, baseline - h, STEP - 8, h, i * STEP + STEP / 2, p));
		}
		return new BarChart(Math.max(200, points.size() * STEP), HEIGHT, baseline, bars);
	}

	/**
	 * One point.
	 *
	 * @param key a stable key (e.g. {@code 2027-03})
	 * @param label its label, in the reader's language
	 * @param value the value the bar's height shows
	 * @param text the value as written
	 */
	record Point(String key, String label, long value, String text) {

	}

	/**
	 * One bar.
	 *
	 * @param x its left
	 * @param y its top
	 * @param width its width
	 * @param height its height
	 * @param labelX where its label is centred
	 * @param point what it shows
	 */
	record Bar(int x, int y, int width, int height, int labelX, Point point) {

	}

}
