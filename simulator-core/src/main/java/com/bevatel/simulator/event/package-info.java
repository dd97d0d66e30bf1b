/**
 * What a write changed, as events, for the webhook dispatcher.
 *
 * <p>Internal: public only for the simulator's other packages and modules; it may change in any
 * release without notice.
 */
@API(status = INTERNAL)
package com.bevatel.simulator.event;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
