package com.bevatel.simulator.springboot.example;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Where each order stands: the shop's own data, which the desk answers from (in memory: this is an example). */
@Component
public class OrderBook {
    private final Map<String, String> statuses = new ConcurrentHashMap<>();

    public void record(String orderNumber, String status) {
        statuses.put(orderNumber, status);
    }

    public Optional<String> status(String orderNumber) {
        return Optional.ofNullable(statuses.get(orderNumber));
    }
}
