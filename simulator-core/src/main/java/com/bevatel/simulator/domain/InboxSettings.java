package com.bevatel.simulator.domain;

import com.bevatel.simulator.model.SenderNameType;
import com.bevatel.simulator.model.WorkingHours;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The inbox attributes create and update accept; a null field is "not given". */
public record InboxSettings(
        Change<String> name,
        Change<Boolean> greetingEnabled,
        Change<String> greetingMessage,
        Change<Boolean> enableEmailCollect,
        Change<Boolean> csatSurveyEnabled,
        Change<ObjectNode> csatConfig,
        Change<Boolean> workingHoursEnabled,
        Change<List<WorkingHours>> workingHours,
        Change<String> outOfOfficeMessage,
        Change<String> timezone,
        Change<Boolean> allowMessagesAfterResolved,
        Change<Boolean> lockToSingleConversation,
        Change<Boolean> enableAutoAssignment,
        Change<ObjectNode> autoAssignmentConfig,
        Change<SenderNameType> senderNameType,
        Change<String> businessName,
        Change<String> webhookUrl,
        Change<Boolean> hmacMandatory,
        Change<ObjectNode> channelAdditionalAttributes) {

    public static InboxSettings none() {
        return new InboxSettings(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }
}
