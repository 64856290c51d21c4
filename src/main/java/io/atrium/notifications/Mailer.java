package io.atrium.notifications;

/**
 * Queues e-mail. The message is stored in the outbox in the caller's transaction (its
 * subject resolved, its template's variables kept) and rendered in the recipient's
 * language by the send task; it leaves the process only after that transaction commits,
 * and is retried with backoff until the SMTP server accepts it. When no SMTP server is
 * configured ({@code spring.mail.host} unset) it is delivered to the admin mailbox page
 * {@code /admin/mailbox} instead.
 * <p>
 * Delivery is cluster-safe: every instance sends the outbox in batches over one SMTP
 * connection, and a batch claims its messages so that no other instance sends them. It is
 * at-least-once: a crash after the SMTP server accepted a message and before that was
 * recorded sends it once more, with the same {@code Message-ID}.
 *
 * <h2>Writing a mail template</h2> A module keeps its mails next to its pages:
 * <ul>
 * <li>{@code templates/<module>/mail/<name>.html}: the HTML part. Wrap it in the shared
 * layout, which adds the Atrium header and the localized footer: <pre>
 * &lt;html xmlns:th="http://www.thymeleaf.org"
 *       th:replace="~{notifications/mail/layout :: mail(~{::section})}"&gt;
 * &lt;body&gt;&lt;section&gt;
 *   &lt;p th:text="#{accounts.mail.activation.text}"&gt;…&lt;/p&gt;
 *   &lt;p&gt;&lt;a th:replace="~{notifications/mail/layout :: button(${activationUrl}, #{accounts.mail.activation.button})}"&gt;&lt;/a&gt;&lt;/p&gt;
 * &lt;/section&gt;&lt;/body&gt;&lt;/html&gt;</pre> Style with inline {@code style}
 * attributes (mail clients drop style sheets) and write absolute links: every template
 * gets {@code baseUrl} (the public address from {@link io.atrium.platform.BaseUrl}, no
 * trailing slash) and {@code subject}.</li>
 * <li>{@code templates/<module>/mail/<name>.txt} (optional, recommended): the plain text
 * part, a Thymeleaf TEXT template ({@code [(#{key})]}, {@code [(${var})]}); end it with
 * {@code [# th:insert="~{notifications/mail/footer.txt}" /]}.</li>
 * <li>The subject and every text in the module's own bundle
 * {@code messages/<module>*.properties}, in all four languages; no text hard-coded in the
 * templates.</li>
 * </ul>
 * Then queue it from an application service:
 * {@code mailer.enqueue(new OutgoingMail(to, locale, "accounts.mail.activation.subject", List.of(), "accounts/mail/activation", Map.of("activationUrl", url)))}.
 * See {@code docs/email.md}.
 */
public interface Mailer {

	/**
	 * Queues one e-mail: resolves its subject and checks its template exists now (so a
	 * missing key or template fails the caller) and stores it, due at once, in the
	 * caller's transaction; it is sent after that commits. Its parts are rendered by the
	 * send task when every variable is plain data (text, whole numbers, booleans, lists
	 * and maps of them), otherwise now; an error inside a template then shows as a failed
	 * delivery on the mailbox page.
	 * @param mail what to send, to whom and in which language
	 * @return the id of the outbox entry
	 * @throws org.springframework.transaction.IllegalTransactionStateException when no
	 * transaction is active
	 * @throws IllegalArgumentException when {@code mail.to()} is not an e-mail address
	 */
	long enqueue(OutgoingMail mail);

}
