/**
 * Sales: the producer's sales pages ({@code /business/sales}: filters, totals per
 * currency, a chart over time, CSV export) and the Hotmart-compatible sales API
 * ({@code /payments/api/v1/sales/...}). Reads purchases only through
 * {@link io.atrium.checkout.SalesQuery}; has no tables of its own. See docs/sales.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sales")
package io.atrium.sales;
