// The ES module entry: the same objects as the CommonJS one (require('bevatel-simulator')), so
// `instanceof` holds across both and Jest (CommonJS) and Vitest or node:test (ESM) share one implementation.
import simulator from './index.cjs';

export const {
  startSimulator, Simulator, SimulatorError, DeliveryTimeoutError, SimulatorStartError, signatureOf, verifySignature,
} = simulator;
export default simulator;
