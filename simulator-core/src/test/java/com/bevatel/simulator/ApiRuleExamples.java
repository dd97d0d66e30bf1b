package com.bevatel.simulator;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What the API rules of {@link ArchitectureTest} must catch and must let pass, so a change that
 * blinds a rule fails too. Public without {@code @API} on purpose: the example of an unmarked type.
 */
public final class ApiRuleExamples {
    private ApiRuleExamples() {
    }

    @API(status = INTERNAL)
    public static class Hidden {
    }

    @API(status = STABLE)
    public static final class LeakingByReturn {
        public Hidden hidden() {
            return new Hidden();
        }
    }

    @API(status = STABLE)
    public static final class LeakingByParameter {
        public void take(List<Hidden> hidden) {
        }
    }

    @API(status = STABLE)
    public static final class LeakingByField {
        public Hidden hidden;
    }

    @API(status = STABLE)
    public static class LeakingBySupertype extends Hidden {
    }

    /** Allowed: the member says it is internal, and what is not public is nobody's API. */
    @API(status = STABLE)
    public static final class MarkedMember {
        @API(status = INTERNAL)
        public Hidden hidden() {
            return new Hidden();
        }

        Hidden packagePrivate() {
            return new Hidden();
        }
    }

    /** Allowed: internal types may hand out what they like. */
    @API(status = INTERNAL)
    public static final class InternalOnly {
        public Hidden hidden() {
            return new Hidden();
        }
    }
}
