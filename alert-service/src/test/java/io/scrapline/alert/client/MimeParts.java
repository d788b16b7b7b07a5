package io.scrapline.alert.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

/** Reads received emails as a mail program would: the parts, the files attached, the text. */
public final class MimeParts {

    private MimeParts() {
    }

    /** The emails the SMTP server received for {@code address}, in the order they came. */
    public static List<MimeMessage> to(GreenMail smtp, String address) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                if (message.getAllRecipients()[0].toString().equals(address)) {
                    found.add(message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** The parts of an email that hold no other parts, depth first. */
    public static List<BodyPart> leaves(MimeMessage email) throws MessagingException, IOException {
        List<BodyPart> found = new ArrayList<>();
        leaves((Multipart) email.getContent(), found);
        return found;
    }

    /** The files attached, by name. */
    public static Map<String, byte[]> attachments(MimeMessage email) {
        Map<String, byte[]> files = new HashMap<>();
        try {
            for (BodyPart part : leaves(email)) {
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    files.put(part.getFileName(), part.getInputStream().readAllBytes());
                }
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    /** The plain-text part that is not a file. */
    public static String text(MimeMessage email) {
        try {
            for (BodyPart part : leaves(email)) {
                if (part.isMimeType("text/plain") && part.getFileName() == null) {
                    return part.getContent().toString();
                }
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no text part");
    }

    private static void leaves(Multipart multipart, List<BodyPart> found) throws MessagingException, IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                leaves(nested, found);
            } else {
                found.add(part);
            }
        }
    }
}
