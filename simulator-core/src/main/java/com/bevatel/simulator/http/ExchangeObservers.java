package com.bevatel.simulator.http;

import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The {@link ExchangeObserver}s found on the class path (none in production), and the calls to them. */
public final class ExchangeObservers {
    private static final Logger LOG = Logger.getLogger(ExchangeObservers.class.getName());
    private static final List<ExchangeObserver> OBSERVERS = ServiceLoader
            .load(ExchangeObserver.class, ExchangeObserver.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get).toList();

    private ExchangeObservers() {
    }

    /** A response about to be sent. */
    static void response(ExchangeObserver.Exchange exchange) {
        notifyAll(observer -> observer.onExchange(exchange));
    }

    /** A webhook payload about to be queued for its receivers (once per event, whatever the number of receivers). */
    public static void delivery(String event, byte[] body) {
        notifyAll(observer -> observer.onDelivery(event, body));
    }

    /** Their failures are only logged: an observer never changes what the simulator does. */
    private static void notifyAll(Consumer<ExchangeObserver> call) {
        for (ExchangeObserver observer : OBSERVERS) {
            try {
                call.accept(observer);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "exchange observer " + observer.getClass().getName() + " failed", e);
            }
        }
    }
}
