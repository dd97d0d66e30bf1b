'use strict';

const { launch } = require('./lib/launch.cjs');
const { Simulator } = require('./lib/simulator.cjs');
const { SimulatorError, DeliveryTimeoutError, SimulatorStartError } = require('./lib/errors.cjs');
const { signatureOf, verifySignature } = require('./lib/signature.cjs');

/**
 * Starts the Bevatel API channel simulator jar on a free port and resolves once it answers.
 *
 * @param {import('./index').SimulatorOptions} [options]
 * @returns {Promise<Simulator>}
 */
async function startSimulator(options = {}) {
  return new Simulator(await launch(options));
}

module.exports = {
  startSimulator, Simulator, SimulatorError, DeliveryTimeoutError, SimulatorStartError, signatureOf, verifySignature,
};
