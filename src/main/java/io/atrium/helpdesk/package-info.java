/**
 * Help desk: the form through which anyone signed in reaches the platform's support. A
 * request is stored, e-mailed to every platform admin and listed in the admins' inbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Help desk")
package io.atrium.helpdesk;
