package org.probono.clearinghouse.local.runner;

import java.util.List;

/** The emails the backend's SES accepted, newest last, in the contract's shape ({@code GET /_local/mail}). */
interface SentMailbox {
    List<?> sent();
}
