package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/** An inbox with its API channel. Immutable: changes produce a copy through {@link Builder}. */
@API(status = INTERNAL)
public record Inbox(long id, long accountId, String name, ApiChannel channel,
                    boolean greetingEnabled, String greetingMessage,
                    boolean workingHoursEnabled, List<WorkingHours> workingHours, String outOfOfficeMessage,
                    String timezone, boolean enableEmailCollect, boolean csatSurveyEnabled, JsonBag csatConfig,
                    boolean enableAutoAssignment, JsonBag autoAssignmentConfig,
                    boolean allowMessagesAfterResolved, boolean lockToSingleConversation,
                    SenderNameType senderNameType, String businessName,
                    Instant createdAt, Instant updatedAt) {

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable copy of an inbox, for the domain's update operations. */
    public static final class Builder {
        public String name;
        public ApiChannel channel;
        public boolean greetingEnabled;
        public String greetingMessage;
        public boolean workingHoursEnabled;
        public List<WorkingHours> workingHours;
        public String outOfOfficeMessage;
        public String timezone;
        public boolean enableEmailCollect;
        public boolean csatSurveyEnabled;
        public JsonBag csatConfig;
        public boolean enableAutoAssignment;
        public JsonBag autoAssignmentConfig;
        public boolean allowMessagesAfterResolved;
        public boolean lockToSingleConversation;
        public SenderNameType senderNameType;
        public String businessName;
        public Instant updatedAt;
        private final Inbox from;

        private Builder(Inbox from) {
            this.from = from;
            name = from.name;
            channel = from.channel;
            greetingEnabled = from.greetingEnabled;
            greetingMessage = from.greetingMessage;
            workingHoursEnabled = from.workingHoursEnabled;
            workingHours = from.workingHours;
            outOfOfficeMessage = from.outOfOfficeMessage;
            timezone = from.timezone;
            enableEmailCollect = from.enableEmailCollect;
            csatSurveyEnabled = from.csatSurveyEnabled;
            csatConfig = from.csatConfig;
            enableAutoAssignment = from.enableAutoAssignment;
            autoAssignmentConfig = from.autoAssignmentConfig;
            allowMessagesAfterResolved = from.allowMessagesAfterResolved;
            lockToSingleConversation = from.lockToSingleConversation;
            senderNameType = from.senderNameType;
            businessName = from.businessName;
            updatedAt = from.updatedAt;
        }

        public Inbox build() {
            return new Inbox(from.id, from.accountId, name, channel, greetingEnabled, greetingMessage,
                    workingHoursEnabled, workingHours, outOfOfficeMessage, timezone, enableEmailCollect,
                    csatSurveyEnabled, csatConfig, enableAutoAssignment, autoAssignmentConfig,
                    allowMessagesAfterResolved, lockToSingleConversation, senderNameType, businessName,
                    from.createdAt, updatedAt);
        }
    }
}
