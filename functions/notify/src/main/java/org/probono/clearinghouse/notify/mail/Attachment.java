package org.probono.clearinghouse.notify.mail;

/**
 * A file sent with an email. {@code contentId} set: shown inline by the HTML part ({@code <img src="cid:...">});
 * null: an attachment to download.
 */
public record Attachment(String fileName, String contentType, byte[] content, String contentId) {
    public static Attachment inline(String contentId, String fileName, String contentType, byte[] content) {
        return new Attachment(fileName, contentType, content, contentId);
    }

    public static Attachment file(String fileName, String contentType, byte[] content) {
        return new Attachment(fileName, contentType, content, null);
    }

    public boolean isInline() {
        return contentId != null;
    }
}
