/**
 * The simulated clock.
 *
 * <p>Internal: public only for the simulator's other packages and modules; it may change in any
 * release without notice.
 */
@API(status = INTERNAL)
package com.bevatel.simulator.time;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
