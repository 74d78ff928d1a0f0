package org.probono.clearinghouse.register.handler;

/** The small pages a registrant sees after following the verification link. Every inserted value is escaped. */
final class VerifyPage {
    static final String INVALID_DETAIL =
            "This verification link is unknown or has expired (links work for 48 hours). If your registration "
                    + "is not verified yet, please write to the team.";

    private VerifyPage() {}

    static String verified(String name) {
        return page(
                "Email verified",
                "Thank you, " + escape(name) + ".",
                "Your email address is verified. Our team will now review your registration and write to you.");
    }

    static String alreadyVerified(String name) {
        return page(
                "Already verified",
                "Thank you, " + escape(name) + ".",
                "This email address was already verified; there is nothing more to do. We will write to you.");
    }

    static String invalid() {
        return page("Link not valid", "This link does not work.", INVALID_DETAIL);
    }

    private static String page(String title, String heading, String text) {
        return """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Pro Bono Clearinghouse</title>
                <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style>
                </head>
                <body><main><h1>%s</h1><p>%s</p></main></body>
                </html>
                """.formatted(title, heading, text);
    }

    static String escape(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
