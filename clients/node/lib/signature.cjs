'use strict';

const crypto = require('node:crypto');

/**
 * Chatwoot's webhook signature: `sha256=` + hex HMAC-SHA256, keyed with the receiver's secret, of
 * `"<X-Chatwoot-Timestamp>.<raw body>"`.
 *
 * @param {string} secret the webhook's, API inbox's or agent bot's `secret`
 * @param {string | number} timestamp the `X-Chatwoot-Timestamp` header (seconds)
 * @param {string} body the raw request body
 * @returns {string}
 */
function signatureOf(secret, timestamp, body) {
  return 'sha256=' + crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/**
 * Whether a delivery (read with bodies, as `waitForDelivery` and `deliveries` do by default) carries
 * the signature `secret` makes. Receivers without a secret get no signature: false.
 *
 * @param {{request_headers?: Record<string, string>, request_body?: string}} delivery
 * @param {string} secret
 * @returns {boolean}
 */
function verifySignature(delivery, secret) {
  const headers = delivery.request_headers;
  if (!headers || typeof delivery.request_body !== 'string') {
    throw new TypeError('verifySignature needs a delivery read with its bodies (request_headers, request_body)');
  }
  const header = (name) => Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  const signature = header('x-chatwoot-signature');
  const timestamp = header('x-chatwoot-timestamp');
  if (!signature || !timestamp) {
    return false;
  }
  const expected = Buffer.from(signatureOf(secret, timestamp, delivery.request_body));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

module.exports = { signatureOf, verifySignature };
