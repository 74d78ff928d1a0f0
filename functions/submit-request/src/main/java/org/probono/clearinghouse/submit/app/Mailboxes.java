package org.probono.clearinghouse.submit.app;

/** Where the team reads its alerts, and the web form links in emails point to. */
public record Mailboxes(String adminEmail, String webUrl) {}
