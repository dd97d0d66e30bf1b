/**
 * The seeded generator behind every uuid and token.
 *
 * <p>Internal: public only for the simulator's other packages and modules; it may change in any
 * release without notice.
 */
@API(status = INTERNAL)
package com.bevatel.simulator.seed;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
