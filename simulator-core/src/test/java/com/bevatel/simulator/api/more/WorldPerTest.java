package com.bevatel.simulator.api.more;

import java.lang.reflect.Field;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link World} for each test, in the test class's {@code World} field, closed after the
 * test's own {@code @AfterEach} methods: what every API test class here would otherwise write itself.
 * Its {@code @BeforeEach} methods run after this, so they can build on the world.
 */
final class WorldPerTest implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WorldPerTest.class);

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        Object test = context.getRequiredTestInstance();
        Field field = worldField(test.getClass());
        World world = new World();
        context.getStore(NAMESPACE).put(World.class, world);
        field.setAccessible(true);
        field.set(test, world);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        World world = context.getStore(NAMESPACE).remove(World.class, World.class);
        if (world != null) {
            world.close();
        }
    }

    private static Field worldField(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getType() == World.class) {
                    return field;
                }
            }
        }
        throw new IllegalStateException(type.getName() + " is extended with WorldPerTest but has no World field");
    }
}
