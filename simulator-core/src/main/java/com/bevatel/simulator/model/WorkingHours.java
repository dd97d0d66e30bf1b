package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/** One day of an inbox's schedule (0 = Sunday … 6 = Saturday). */
@API(status = INTERNAL)
public record WorkingHours(int dayOfWeek, boolean closedAllDay, Integer openHour, Integer openMinutes,
                           Integer closeHour, Integer closeMinutes, boolean openAllDay) {

    /** Chatwoot's default week: Sunday and Saturday closed, Monday to Friday 09:00–17:00. */
    public static List<WorkingHours> defaultWeek() {
        List<WorkingHours> week = new ArrayList<>(7);
        for (int day = 0; day < 7; day++) {
            boolean weekend = day == 0 || day == 6;
            week.add(weekend
                    ? new WorkingHours(day, true, null, null, null, null, false)
                    : new WorkingHours(day, false, 9, 0, 17, 0, false));
        }
        return List.copyOf(week);
    }
}
