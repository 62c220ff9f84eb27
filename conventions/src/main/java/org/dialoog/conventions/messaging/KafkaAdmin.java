package org.dialoog.conventions.messaging;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Clients for the service's own cluster: an admin client, with the settings its consumers get, and a short leash. */
final class KafkaAdmin {

    private KafkaAdmin() {}

    static Admin create(String bootstrapServers, Duration timeout) {
        Properties p = clientSettings(bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(2000, timeout.toMillis())));
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        return Admin.create(p);
    }

    /**
     * The bootstrap servers and the cluster's security settings, as the consumers get them
     * ({@code kafka.security.protocol}, {@code kafka.sasl.*}, {@code kafka.ssl.*}): for every client the
     * conventions create themselves (admin, the relay's producer, its read-back consumer).
     */
    static Properties clientSettings(String bootstrapServers) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Config all = ConfigProvider.getConfig();
        for (String name : all.getPropertyNames()) {
            if (name.startsWith("kafka.security.") || name.startsWith("kafka.sasl.") || name.startsWith("kafka.ssl.")) {
                all.getOptionalValue(name, String.class).ifPresent(v -> p.put(name.substring("kafka.".length()), v));
            }
        }
        return p;
    }
}
