package com.bevatel.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One class's log records, taken for the length of a test instead of going to the console: for a
 * failure a test causes on purpose, which the test then asserts rather than prints. Closing puts
 * the logger back as it was.
 *
 * <pre>{@code try (LogCapture log = LogCapture.of(WebhookJournal.class)) { …; assertThat(log.records())… }}</pre>
 */
public final class LogCapture implements AutoCloseable {
    /** Held for the capture's length: JUL keeps loggers weakly, and a collected one loses its settings. */
    private final Logger logger;
    private final boolean usedParentHandlers;
    private final Level previousLevel;
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(Logger logger) {
        this.logger = logger;
        this.usedParentHandlers = logger.getUseParentHandlers();
        this.previousLevel = logger.getLevel();
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
    }

    /** Captures what {@code loggingClass} logs through its {@code Logger.getLogger(class name)}. */
    public static LogCapture of(Class<?> loggingClass) {
        return new LogCapture(Logger.getLogger(loggingClass.getName()));
    }

    /** Captures the logger of this name (for a class the test cannot name: a package-private one). */
    public static LogCapture of(String loggerName) {
        return new LogCapture(Logger.getLogger(loggerName));
    }

    public List<LogRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(usedParentHandlers);
        logger.setLevel(previousLevel);
    }
}
