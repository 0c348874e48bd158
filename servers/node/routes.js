'use strict';
// The routes, answered exactly as corelab.modes.server.WorkloadHandler answers them: the same
// status, the same header names (Content-Type, Content-Length) and byte-for-byte the same bodies
// (corelab.workloads.WorkloadRequest#answer), so corelab's answer checks pass unchanged.
const { compute } = require('./kernel');
const { backendClient } = require('./backend');

const TEXT = 'text/plain; charset=utf-8';
const HELLO_ANSWER = 'Hello from corelab\n';
const EVERY_PATH = '/hello, /cpu, /io, /mixed, /counter or /info';
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
// The query parameters of each workload, as corelab.workloads.QueryParameter names them.
const KEYS = ['seed', 'iterations', 'token', 'delayMillis'];
const REASONS = { 200: 'OK', 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 502: 'Bad Gateway' };

// The seeds' warning made concrete: a module-level variable is per process, so each worker
// of a cluster counts on its own, and /counter's answers diverge from the requests served.
let counter = 0;

function handler(options, info, counted) {
  const callBackend = backendClient(options.backendPort);
  return (request, response) => {
    counted.requests++;
    const send = (status, body) => {
      const bytes = Buffer.from(body, 'utf8');
      const headers = { 'Content-Type': TEXT, 'Content-Length': bytes.length };
      if (status === 405) {
        headers.Allow = 'GET, HEAD';
      }
      response.writeHead(status, REASONS[status], headers);
      response.end(request.method === 'HEAD' ? undefined : bytes);
    };
    const refuse = (status, message) => send(status, `${REASONS[status]}: ${message}\n`);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return refuse(405, `only GET, HEAD are served, not ${request.method}`);
    }
    const q = request.url.indexOf('?');
    const path = q < 0 ? request.url : request.url.slice(0, q);
    const query = q < 0 ? '' : request.url.slice(q + 1);
    switch (path) {
      case '/hello': return send(200, HELLO_ANSWER);
      case '/counter': return send(200, `counter value=${++counter}\n`);
      case '/info': return send(200, `${info}\n`);
      case '/cpu': case '/io': case '/mixed': break;
      default: return refuse(404, `no such path ${path}; try ${EVERY_PATH}`);
    }
    let work;
    try {
      work = parseWork(query, options);
    } catch (error) {
      return refuse(400, error.message);
    }
    const backendFailed = (error) => refuse(502, `the io backend failed: ${error.message}`);
    if (path === '/cpu') {
      return send(200, `cpu seed=${work.seed} iterations=${work.iterations} result=${compute(work.seed, work.iterations)}\n`);
    }
    if (path === '/io') {
      return callBackend(work.delayMillis, work.token.toString())
        .then(() => send(200, `io token=${work.token} delayMillis=${work.delayMillis}\n`), backendFailed);
    }
    const result = compute(work.seed, work.iterations);
    return callBackend(work.delayMillis, work.token.toString())
      .then(() => send(200, `mixed seed=${work.seed} iterations=${work.iterations} result=${result}`
        + ` token=${work.token} delayMillis=${work.delayMillis}\n`), backendFailed);
  };
}

// corelab.workloads.WorkloadRequest#parse: absent parameters take the server's defaults;
// numbers as Java's Long.parseLong reads them (an optional sign, then digits, within a long).
function parseWork(query, options) {
  const work = { seed: 1n, token: 0n, iterations: options.cpuIterations, delayMillis: options.backendDelayMillis };
  if (query === '') {
    return work;
  }
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    switch (name) {
      case 'seed': work.seed = parseLong(name, value); break;
      case 'token': work.token = parseLong(name, value); break;
      case 'iterations': work.iterations = Number(parseLong(name, value, 0n, 1000000000n)); break;
      case 'delayMillis': work.delayMillis = Number(parseLong(name, value, 0n, 60000n)); break;
      default: throw new Error(`unknown query parameter '${name}'; valid: ${KEYS.join(', ')}`);
    }
  }
  return work;
}

function parseLong(name, value, min, max) {
  const parsed = /^[+-]?\d+$/.test(value) ? BigInt(value) : null;
  if (parsed === null || parsed < LONG_MIN || parsed > LONG_MAX) {
    throw new Error(`query parameter '${name}' must be a whole number, was '${value}'`);
  }
  if (min !== undefined && (parsed < min || parsed > max)) {
    throw new Error(`query parameter '${name}' must be between ${min} and ${max}, was ${parsed}`);
  }
  return parsed;
}

module.exports = { handler };
