package org.dialoog.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import jakarta.activation.CommandMap;
import jakarta.activation.MailcapCommandMap;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.jspecify.annotations.Nullable;

/**
 * A real SMTP server (GreenMail) in the test JVM, and what it received, for tests that follow a message to the
 * mailbox. It can be stopped and started again on the same port mid-test (a mail-server outage); what arrived
 * before is kept. Quarkus may load this class again in another class loader: the one server is registered with
 * the platform MBean server and driven through it, so every class loader drives the same one.
 *
 * <p>{@link #main} runs it for the local stack: SMTP and IMAP (any user, password = the address).
 */
public final class MailServer {

    private static final ObjectName NAME = name();

    /** What every class loader can call on the one server (JDK types only). */
    public interface Control {
        int getPort();

        void start();

        void stop();

        void purge();

        List<byte[]> received();
    }

    private MailServer() {}

    /** The server of this JVM, started on first use on a free port. */
    public static MailServer shared() {
        MBeanServer beans = ManagementFactory.getPlatformMBeanServer();
        synchronized (MailServer.class) {
            if (!beans.isRegistered(NAME)) {
                Instance instance = new Instance(KafkaBroker.freePort(), -1);
                try {
                    beans.registerMBean(new StandardMBean(instance, Control.class), NAME);
                    Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
                } catch (InstanceAlreadyExistsException e) {
                    // another class loader registered one meanwhile: that one it is
                } catch (JMException e) {
                    throw new IllegalStateException("Could not register the test mail server", e);
                }
            }
        }
        MailServer server = new MailServer();
        server.start();
        return server;
    }

    public int smtpPort() {
        try {
            return (Integer) ManagementFactory.getPlatformMBeanServer().getAttribute(NAME, "Port");
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts accepting mail again (a no-op while it runs). */
    public void start() {
        invoke("start");
    }

    /** Refuses connections, as a mail server that is down; what arrived so far is kept. */
    public void stop() {
        invoke("stop");
    }

    /** Forgets every mail received so far. */
    public void purge() {
        invoke("purge");
    }

    /** Every mail received so far, in arrival order. */
    public List<ReceivedMail> received() {
        @SuppressWarnings("unchecked")
        List<byte[]> raw = (List<byte[]>) Objects.requireNonNull(invoke("received"));
        return raw.stream().map(ReceivedMail::parse).toList();
    }

    private static @Nullable Object invoke(String operation) {
        try {
            return ManagementFactory.getPlatformMBeanServer().invoke(NAME, operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException("The test mail server did not " + operation, e);
        }
    }

    private static ObjectName name() {
        try {
            return new ObjectName("org.dialoog.testkit:type=MailServer");
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mails received for one address. */
    public List<ReceivedMail> receivedBy(String address) {
        return received().stream().filter(m -> m.to().contains(address)).toList();
    }

    /** A mail as a test reads it. */
    public record ReceivedMail(
            List<String> to,
            String from,
            @Nullable String replyTo,
            String subject,
            String text,
            Map<String, String> headers,
            List<Attachment> attachments,
            String raw) {

        /** An attached part: its file name, content type and content. */
        public record Attachment(@Nullable String fileName, String contentType, String content) {}

        public @Nullable String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }

        static ReceivedMail parse(byte[] bytes) {
            useAngusHandlers();
            try {
                MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
                List<String> to = new ArrayList<>();
                var recipients = m.getRecipients(Message.RecipientType.TO);
                if (recipients != null) {
                    for (var a : recipients) {
                        to.add(((InternetAddress) a).getAddress());
                    }
                }
                Map<String, String> headers = new HashMap<>();
                for (var h : Collections.list(m.getAllHeaders())) {
                    headers.putIfAbsent(h.getName(), h.getValue());
                }
                var replyTo = m.getHeader("Reply-To", null);
                StringBuilder text = new StringBuilder();
                List<Attachment> attachments = new ArrayList<>();
                walk(m, text, attachments);
                return new ReceivedMail(
                        to,
                        m.getFrom() == null ? "" : m.getFrom()[0].toString(),
                        replyTo,
                        Objects.requireNonNullElse(m.getSubject(), ""),
                        text.toString(),
                        headers,
                        attachments,
                        new String(bytes, StandardCharsets.UTF_8));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("Unreadable mail", e);
            }
        }

        private static void walk(Part part, StringBuilder text, List<Attachment> attachments)
                throws MessagingException, IOException {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child, text, attachments);
                }
                return;
            }
            boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
            String value = content instanceof String s ? s : readAll(part.getInputStream());
            if (!attached && part.isMimeType("text/plain")) {
                text.append(value);
            } else if (attached || !part.isMimeType("text/html")) {
                attachments.add(new Attachment(part.getFileName(), part.getContentType(), value));
            }
        }

        private static String readAll(InputStream in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** The one GreenMail of this JVM behind its JDK-typed handle. */
    private static final class Instance implements Control {
        private final int port;
        private final int imapPort;
        private final List<byte[]> archived = new ArrayList<>();
        private @Nullable GreenMail running;

        Instance(int port, int imapPort) {
            this.port = port;
            this.imapPort = imapPort;
        }

        @Override
        public int getPort() {
            return port;
        }

        @Override
        public synchronized void start() {
            if (running != null) {
                return;
            }
            List<ServerSetup> setups = new ArrayList<>();
            setups.add(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            if (imapPort > 0) {
                setups.add(new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
            }
            // GreenMail's threads inherit the starting thread's context class loader, and Jakarta Activation looks
            // content handlers up there: make it the one that loaded GreenMail, whichever thread asks for a start
            Thread current = Thread.currentThread();
            ClassLoader before = current.getContextClassLoader();
            current.setContextClassLoader(GreenMail.class.getClassLoader());
            try {
                useAngusHandlers();
                GreenMail mail = new GreenMail(setups.toArray(ServerSetup[]::new));
                mail.start();
                running = mail;
            } finally {
                current.setContextClassLoader(before);
            }
        }

        @Override
        public synchronized void stop() {
            GreenMail mail = running;
            if (mail == null) {
                return;
            }
            archived.addAll(raw(mail));
            mail.stop();
            running = null;
        }

        @Override
        public synchronized void purge() {
            archived.clear();
            if (running != null) {
                try {
                    running.purgeEmailFromAllMailboxes();
                } catch (Exception e) {
                    throw new IllegalStateException("Could not purge the mailboxes", e);
                }
            }
        }

        @Override
        public synchronized List<byte[]> received() {
            List<byte[]> all = new ArrayList<>(archived);
            if (running != null) {
                all.addAll(raw(running));
            }
            return all;
        }

        private static List<byte[]> raw(GreenMail mail) {
            List<byte[]> out = new ArrayList<>();
            for (MimeMessage m : mail.getReceivedMessages()) {
                try {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    m.writeTo(bytes);
                    out.add(bytes.toByteArray());
                } catch (MessagingException | IOException e) {
                    throw new IllegalStateException("Unreadable received mail", e);
                }
            }
            return out;
        }
    }

    /**
     * Reads message parts with Jakarta Mail's own handlers. A test class path also holds the old
     * {@code com.sun.mail:mailapi} (the OpenAPI validator's e-mail format check), whose {@code META-INF/mailcap}
     * names {@code javax.activation} handlers; whichever mailcap comes first would win, so these are set
     * programmatically, which comes before every file.
     */
    static synchronized void useAngusHandlers() {
        MailcapCommandMap map = new MailcapCommandMap();
        String handlers = "x-java-content-handler=org.eclipse.angus.mail.handlers.";
        map.addMailcap("text/plain;; " + handlers + "text_plain");
        map.addMailcap("text/html;; " + handlers + "text_html");
        map.addMailcap("text/xml;; " + handlers + "text_xml");
        map.addMailcap("multipart/*;; " + handlers + "multipart_mixed; x-java-fallback-entry=true");
        map.addMailcap("message/rfc822;; " + handlers + "message_rfc822");
        CommandMap.setDefaultCommandMap(map);
    }

    /** Runs SMTP and IMAP for the local stack: {@code MailServer [smtpPort] [imapPort]}. */
    public static void main(String[] args) throws InterruptedException {
        int smtp = args.length > 0 ? Integer.parseInt(args[0]) : 3025;
        int imap = args.length > 1 ? Integer.parseInt(args[1]) : 3143;
        Instance server = new Instance(smtp, imap);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        server.start();
        System.out.println("Mail (GreenMail) ready: SMTP 127.0.0.1:" + smtp + ", IMAP 127.0.0.1:" + imap
                + " (user = the recipient's address, password = the same address)");
        Thread.currentThread().join();
    }
}
