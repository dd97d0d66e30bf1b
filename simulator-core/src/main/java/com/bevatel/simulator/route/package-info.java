/**
 * The API's endpoints: each route reads a request, calls the domain and renders a view.
 *
 * <p>Internal: public only for the simulator's other packages and modules; it may change in any
 * release without notice.
 */
@API(status = INTERNAL)
package com.bevatel.simulator.route;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
