package com.bevatel.simulator.junit;

import com.bevatel.simulator.webhook.Delivery;
import java.util.function.Predicate;

/** A named narrowing of the journal, so failure messages say what was looked for. */
record DeliveryFilter(String description, Predicate<Delivery> predicate) {
    static final DeliveryFilter ALL = new DeliveryFilter("", d -> true);

    DeliveryFilter and(String more, Predicate<Delivery> next) {
        return new DeliveryFilter(description.isEmpty() ? more : description + ", " + more, predicate.and(next));
    }

    String describe() {
        return description.isEmpty() ? "deliveries" : "deliveries (" + description + ")";
    }
}
