package org.probono.clearinghouse.assign.handler;

/** An admin command that cannot be read; thrown only while reading it, answered as a 400 error object. */
final class BadCommand extends RuntimeException {
    BadCommand(String detail) { super(detail, null, false, false); }
}
