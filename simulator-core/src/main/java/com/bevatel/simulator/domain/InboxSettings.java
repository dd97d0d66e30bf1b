package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.SenderNameType;
import com.bevatel.simulator.model.WorkingHours;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apiguardian.api.API;

/** The inbox attributes create and update accept; a null field is "not given". */
@API(status = INTERNAL)
public record InboxSettings(
        Change<String> name,
        Change<Boolean> greetingEnabled,
        Change<String> greetingMessage,
        Change<Boolean> enableEmailCollect,
        Change<Boolean> csatSurveyEnabled,
        Change<ObjectNode> csatConfig,
        Change<Boolean> workingHoursEnabled,
        Change<List<DayPatch>> workingHours,
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

    /**
     * One {@code working_hours[]} row of an update: the day it names and only the keys it gives (Rails
     * updates just those). A row whose result is invalid is dropped silently, as Chatwoot's
     * {@code update} (not {@code update!}) does.
     */
    public record DayPatch(int dayOfWeek, Change<Boolean> closedAllDay, Change<Integer> openHour,
                           Change<Integer> openMinutes, Change<Integer> closeHour, Change<Integer> closeMinutes,
                           Change<Boolean> openAllDay) {

        public WorkingHours applyTo(WorkingHours day) {
            boolean closed = Boolean.TRUE.equals(Change.apply(closedAllDay, day.closedAllDay()));
            boolean allDay = Boolean.TRUE.equals(Change.apply(openAllDay, day.openAllDay()));
            Integer oh = Change.apply(openHour, day.openHour());
            Integer om = Change.apply(openMinutes, day.openMinutes());
            Integer ch = Change.apply(closeHour, day.closeHour());
            Integer cm = Change.apply(closeMinutes, day.closeMinutes());
            if (allDay) {
                oh = 0;
                om = 0;
                ch = 23;
                cm = 59;
            }
            if (allDay && closed) {
                return day;
            }
            if (!closed && !(within(oh, 23) && within(om, 59) && within(ch, 23) && within(cm, 59)
                    && oh * 60 + om < ch * 60 + cm)) {
                return day;
            }
            return new WorkingHours(day.dayOfWeek(), closed, oh, om, ch, cm, allDay);
        }

        private static boolean within(Integer value, int max) {
            return value != null && value >= 0 && value <= max;
        }
    }

    public static InboxSettings none() {
        return new InboxSettings(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }
}
