package org.probono.clearinghouse.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Configuration, read once at start from environment variables and validated there: a missing variable
 * fails the cold start with its name, not a request later with a NullPointerException.
 * A JVM system property of the same name wins over the environment: the local runner hosts all four
 * functions in one JVM and configures them that way.
 */
public record Config(
        String region,
        String tableName,
        String senderAddress,
        String inboundDomain,
        String adminEmail,
        String apiUrl,
        String webUrl,
        String kmsKeyId,
        String inboundBucket,
        String sesConfigurationSet,
        String cursorKey,
        ZoneId timeZone,
        int detailsRetentionDays) {

    public static final String REGION = "AWS_REGION";
    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String SENDER_ADDRESS = "SENDER_ADDRESS";
    public static final String INBOUND_DOMAIN = "INBOUND_DOMAIN";
    public static final String ADMIN_EMAIL = "ADMIN_EMAIL";
    public static final String API_URL = "API_URL";
    public static final String WEB_URL = "WEB_URL";
    public static final String KMS_KEY_ID = "KMS_KEY_ID";
    public static final String INBOUND_BUCKET = "INBOUND_BUCKET";
    public static final String SES_CONFIGURATION_SET = "SES_CONFIGURATION_SET";
    /** Signs the cursors of paged listings, so a client cannot forge or alter one. */
    public static final String CURSOR_KEY = "CURSOR_KEY";
    /** Days after a request ends (COMPLETED, CLOSED, WITHDRAWN) that its confidential details are destroyed. */
    public static final String DETAILS_RETENTION_DAYS = "DETAILS_RETENTION_DAYS";

    public static final int DEFAULT_DETAILS_RETENTION_DAYS = 180;
    /** The CloudWatch namespace of the business metrics; read by the logger, not part of this record. */
    public static final String METRICS_NAMESPACE = "METRICS_NAMESPACE";

    public static final String TIME_ZONE = "TIME_ZONE";
    /** Where the clearinghouse works: emails show times, and reports count days, in this zone unless told otherwise. */
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Kolkata");

    public static Config fromEnvironment() {
        return from(Config::setting);
    }

    /** One setting as configured: the JVM system property of that name, else the environment variable. */
    public static String setting(String name) {
        return Optional.ofNullable(System.getProperty(name)).orElse(System.getenv(name));
    }

    public static Config from(Map<String, String> values) {
        return from(values::get);
    }

    public static Config from(Function<String, String> source) {
        List<String> missing = new ArrayList<>();
        Function<String, String> required = name -> {
            String value = source.apply(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
                return null;
            }
            return value.strip();
        };
        Config config = new Config(
                required.apply(REGION),
                required.apply(TABLE_NAME),
                required.apply(SENDER_ADDRESS),
                required.apply(INBOUND_DOMAIN),
                required.apply(ADMIN_EMAIL),
                stripSlash(optional(source, API_URL)),
                stripSlash(required.apply(WEB_URL)),
                required.apply(KMS_KEY_ID),
                required.apply(INBOUND_BUCKET),
                optional(source, SES_CONFIGURATION_SET),
                required.apply(CURSOR_KEY),
                timeZone(optional(source, TIME_ZONE), missing),
                retentionDays(optional(source, DETAILS_RETENTION_DAYS), missing));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing configuration: set the environment variable"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        }
        return config;
    }

    /** Whole days, at least one; a bad value fails the cold start like a missing variable. */
    private static int retentionDays(String value, List<String> bad) {
        if (value == null) return DEFAULT_DETAILS_RETENTION_DAYS;
        try {
            int days = Integer.parseInt(value);
            if (days >= 1) return days;
        } catch (NumberFormatException e) {
            // reported below
        }
        bad.add(DETAILS_RETENTION_DAYS + " (a whole number of days, at least 1: " + value + ")");
        return DEFAULT_DETAILS_RETENTION_DAYS;
    }

    /** An IANA zone id (Asia/Kolkata); a bad one fails the cold start like a missing variable. */
    private static ZoneId timeZone(String id, List<String> bad) {
        if (id == null) return DEFAULT_TIME_ZONE;
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            bad.add(TIME_ZONE + " (not a time zone id such as Asia/Kolkata: " + id + ")");
            return null;
        }
    }

    /** Blank counts as absent: a template parameter left at its empty default. */
    private static String optional(Function<String, String> source, String name) {
        String value = source.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The API's public URL for links in emails, if configured; otherwise the URL a request arrived on. */
    public Optional<String> publicApiUrl() {
        return Optional.ofNullable(apiUrl);
    }

    private static String stripSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
