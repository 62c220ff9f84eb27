package org.dialoog.testkit;

import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

/** A row the database must refuse, sent through a service's own persistence, and the messages its refusal carries. */
public final class Refusal {

    /** How many causes of an exception {@link #messages} reads at the most. */
    private static final int MAX_DEPTH = 20;

    private Refusal() {}

    /** A service's request context, as three methods of Arc's ManagedContext: isActive, activate, terminate. */
    public record RequestContext(BooleanSupplier active, Runnable activate, Runnable terminate) {}

    /** Sets a statement's parameter by position, from 1 (a native query's setParameter(int, Object)). */
    @FunctionalInterface
    public interface ParameterSetter {

        /** Binds {@code value} to the parameter at {@code position}. */
        void set(int position, Object value);
    }

    /** Runs {@code prepare}, then {@code insert}, in a request context (activated unless active); what insert threw. */
    public static Throwable provoke(RequestContext request, Runnable prepare, Runnable insert) {
        boolean activated = !request.active().getAsBoolean();
        if (activated) {
            request.activate().run();
        }
        try {
            prepare.run();
            Throwable thrown = thrownBy(insert);
            if (thrown == null) {
                throw new AssertionError("[the database refused the row] the insert threw nothing");
            }
            return thrown;
        } finally {
            if (activated) {
                request.terminate().run();
            }
        }
    }

    /** Binds {@code parameters} in order, to positions 1, 2, and so on. */
    public static void bind(ParameterSetter setter, Object... parameters) {
        for (int i = 0; i < parameters.length; i++) {
            setter.set(i + 1, parameters[i]);
        }
    }

    /** The messages of an exception and its causes, as a log would print them. */
    public static String messages(Throwable thrown) {
        StringBuilder all = new StringBuilder();
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
            all.append(t).append('\n');
            t = t.getCause();
        }
        return all.toString();
    }

    private static @Nullable Throwable thrownBy(Runnable action) {
        try {
            action.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
