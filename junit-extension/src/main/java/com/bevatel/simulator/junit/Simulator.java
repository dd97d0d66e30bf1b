package com.bevatel.simulator.junit;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Picks which simulator a parameter gets when a class registers several named ones, e.g.
 * {@code void test(@Simulator("crm") BevatelSimulator crm, @Simulator("shop") BevatelSimulator shop)}.
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Simulator {
    /**
     * The simulator's name.
     *
     * @return the name given with {@link BevatelSimulatorExtension.Builder#name(String)}
     */
    String value();
}
