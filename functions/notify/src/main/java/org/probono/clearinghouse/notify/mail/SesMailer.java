package org.probono.clearinghouse.notify.mail;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * SES v2 with Raw content: the MIME keeps every header we set. {@code FromEmailAddress} and
 * {@code Destination} are given too (moto needs them; on AWS they are the envelope).
 */
public final class SesMailer implements MailSender {
    private final SesV2Client ses;
    private final String configurationSet;

    public SesMailer(SesV2Client ses, String configurationSet) {
        this.ses = ses;
        this.configurationSet = configurationSet;
    }

    @Override
    public Result send(OutgoingMail mail) {
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(mail.from())
                .destination(d -> d.toAddresses(mail.to()))
                .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(mail.toMime()))));
        if (configurationSet != null) request.configurationSetName(configurationSet);
        try {
            return new Result.Accepted(ses.sendEmail(request.build()).messageId());
        } catch (AwsServiceException e) {
            // SES answered: nothing was sent. The error code only: SES's messages quote the addresses
            // ("not verified: asha@..."), and the reason reaches the log.
            String code =
                    e.awsErrorDetails() != null ? ": " + e.awsErrorDetails().errorCode() : "";
            return new Result.Failed(e.getClass().getSimpleName() + code);
        } catch (SdkException e) {
            // No connection at all: nothing reached SES. Anything else (a timeout, a connection broken
            // mid-call) may have reached it.
            return refusedBeforeSending(e)
                    ? new Result.Failed(e.getClass().getSimpleName())
                    : new Result.Unknown(e.getClass().getSimpleName());
        }
    }

    private static boolean refusedBeforeSending(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException)
                return true;
        }
        return false;
    }
}
