package com.bevatel.simulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Picks which simulator a parameter gets when a class registers several named ones, e.g.
 * {@code void test(@Simulator("crm") BevatelSimulator crm, @Simulator("shop") BevatelSimulator shop)}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Simulator {
    /** The name given with {@link BevatelSimulatorExtension.Builder#name(String)}. */
    String value();
}
