package io.atrium.api;

/**
 * Who is calling the API: the credential a bearer token was issued for and the producer
 * that owns it. API controllers of any module take it with
 * {@code @AuthenticationPrincipal ApiClient client} and only ever read or change
 * {@code client.producerAccountId()}'s data.
 *
 * @param producerAccountId the account id of the producer owning the credential
 * @param credentialId the id of the credential the token was issued for
 */
public record ApiClient(long producerAccountId, long credentialId) {

}
