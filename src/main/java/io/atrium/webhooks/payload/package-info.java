/**
 * The JSON bodies of the webhooks, field for field as the Hotmart postback v2.0.0
 * (hotmart-api.md §8): records written with snake_case names ({@link Envelope} around one
 * {@code data} record per event family). Wire shapes only: built by the module's payload
 * builders, never bound from input.
 */
package io.atrium.webhooks.payload;
