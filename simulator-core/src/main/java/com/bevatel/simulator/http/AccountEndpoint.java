package com.bevatel.simulator.http;

/** A handler under {@code /api/v1/accounts/{account_id}}, called once the caller is authenticated. */
@FunctionalInterface
public interface AccountEndpoint {
    Response handle(Request request, Caller caller);
}
