'use strict';

/**
 * The simulator answered an error: `status` is the HTTP status, `body` its parsed JSON (or text),
 * and the message carries the simulator's own `error` text.
 */
class SimulatorError extends Error {
  /**
   * @param {string} method
   * @param {string} path
   * @param {number} status
   * @param {any} body
   */
  constructor(method, path, status, body) {
    const said = body && typeof body === 'object' && typeof body.error === 'string' ? body.error
      : typeof body === 'string' ? body : JSON.stringify(body);
    super(`${method} ${path} answered ${status}: ${said}`);
    this.name = 'SimulatorError';
    this.method = method;
    this.path = path;
    this.status = status;
    this.body = body;
  }
}

/**
 * A wait for deliveries timed out (the admin API's 408): `deliveries` holds what matched by then,
 * `body` the whole list answer (`matched`, `held`, `evicted`, `capacity`).
 */
class DeliveryTimeoutError extends SimulatorError {
  /**
   * @param {string} path
   * @param {number} count
   * @param {number} timeoutMs
   * @param {any} body
   */
  constructor(path, count, timeoutMs, body) {
    super('GET', path, 408, body);
    const seen = body.deliveries.map((d) => `#${d.id} ${d.event}`).join(', ') || 'none';
    this.message = `timed out after ${timeoutMs} ms waiting for ${count} matching deliver${count === 1 ? 'y' : 'ies'} `
      + `(${path}); ${body.matched} matched: ${seen}; the journal holds ${body.held}`;
    this.name = 'DeliveryTimeoutError';
    this.deliveries = body.deliveries;
  }
}

/** The simulator could not be started: `output` is what it printed (its reason is on the last lines). */
class SimulatorStartError extends Error {
  /**
   * @param {string} message
   * @param {string} output
   * @param {number | null} [exitCode]
   */
  constructor(message, output, exitCode = null) {
    super(output ? `${message}\n${output.trimEnd()}` : message);
    this.name = 'SimulatorStartError';
    this.output = output;
    this.exitCode = exitCode;
  }
}

module.exports = { SimulatorError, DeliveryTimeoutError, SimulatorStartError };
