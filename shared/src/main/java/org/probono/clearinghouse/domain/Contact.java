package org.probono.clearinghouse.domain;

/** The person at an organisation the clearinghouse writes to. */
public record Contact(String name, String email, String phone) {}
