// The dashboard's charts: revenue (bars) and paid sales (a line) per hour or day, one chart per currency.
// The data comes from the canvas's data-chart attribute (no inline script: the CSP allows scripts from
// Atrium only). Without JavaScript or Chart.js the figures stay readable in the table under each chart.
(function () {
	'use strict';

	function draw(canvas) {
		var data;
		try {
			data = JSON.parse(canvas.getAttribute('data-chart'));
		} catch (e) {
			return;
		}
		var money = new Intl.NumberFormat(data.locale, { style: 'currency', currency: data.currency });
		var whole = new Intl.NumberFormat(data.locale, { maximumFractionDigits: 0 });
		var styles = getComputedStyle(document.documentElement);
		var primary = styles.getPropertyValue('--bs-primary').trim() || '#0d6efd';
		var success = styles.getPropertyValue('--bs-success').trim() || '#198754';
		var reduced = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
		new window.Chart(canvas, {
			data: {
				labels: data.labels,
				datasets: [
					{ type: 'bar', label: data.revenueLabel, data: data.revenue, yAxisID: 'revenue',
						backgroundColor: primary, borderRadius: 2, order: 2 },
					{ type: 'line', label: data.salesLabel, data: data.sales, yAxisID: 'sales',
						borderColor: success, backgroundColor: success, pointRadius: 2, tension: 0.2, order: 1 }
				]
			},
			options: {
				responsive: true,
				maintainAspectRatio: false,
				animation: reduced ? false : { duration: 300 },
				interaction: { mode: 'index', intersect: false },
				scales: {
					revenue: { position: 'left', beginAtZero: true,
						ticks: { callback: function (v) { return money.format(v); } } },
					sales: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
						ticks: { precision: 0, callback: function (v) { return whole.format(v); } } },
					x: { ticks: { autoSkip: true, maxRotation: 0 } }
				},
				plugins: {
					legend: { position: 'bottom' },
					tooltip: {
						callbacks: {
							label: function (item) {
								var value = item.dataset.yAxisID === 'revenue' ? money.format(item.parsed.y)
									: whole.format(item.parsed.y);
								return item.dataset.label + ': ' + value;
							}
						}
					}
				}
			}
		});
	}

	function start() {
		if (!window.Chart) {
			return;
		}
		document.querySelectorAll('canvas[data-chart]').forEach(draw);
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', start);
	} else {
		start();
	}
})();
