package com.bevatel.simulator.http;

/** A route's handler: parse, call the domain, render a view. */
@FunctionalInterface
public interface Endpoint {
    Response handle(Request request);
}
