/**
 * JSON as Rails writes it, and parsing with the simulator's settings.
 *
 * <p>Internal: public only for the simulator's other packages and modules; it may change in any
 * release without notice.
 */
@API(status = INTERNAL)
package com.bevatel.simulator.json;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
