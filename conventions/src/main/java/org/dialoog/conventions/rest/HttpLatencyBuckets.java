package org.dialoog.conventions.rest;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Latency buckets for {@code http_server_requests_seconds}, so that a p99 per service can be computed over all
 * its replicas ({@code histogram_quantile} in the alert and the dashboard). A few fixed buckets around the
 * budgets rather than a full percentile histogram: a bucket is a time series per method, URI and status.
 */
@Singleton
public class HttpLatencyBuckets {

    private static final double[] BUCKETS = {
        seconds(0.025), seconds(0.05), seconds(0.1), seconds(0.25), seconds(0.5), seconds(1), seconds(2.5)
    };

    @Produces
    @Singleton
    MeterFilter httpServerLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(BUCKETS)
                        .build()
                        .merge(config);
            }
        };
    }

    /** Timers' distribution settings are in nanoseconds. */
    private static double seconds(double s) {
        return s * 1e9;
    }
}
