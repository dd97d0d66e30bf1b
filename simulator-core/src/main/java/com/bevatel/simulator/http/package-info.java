/**
 * The HTTP server and request handling: parsing, authentication, routing, responses.
 *
 * <p>Internal: public only for the simulator's other packages and modules; it may change in any
 * release without notice.
 */
@API(status = INTERNAL)
package com.bevatel.simulator.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
