'use strict';
// The program's options, in corelab's form (name=value, as corelab.modes.options.ServerArgs
// writes them) and with corelab's names, defaults and ranges (corelab.modes.options.ServerOptions).
// An unknown name or a value out of range is one clear message and exit code 2, as ServerMain's.
const SPECS = {
  cluster: { type: 'flag', default: false, help: 'a primary that forks workers (node-cluster), or one process (node)' },
  workers: { type: 'int', min: 0, max: 256, default: 0, help: 'cluster workers; 0: one per core' },
  host: { type: 'text', default: '127.0.0.1', help: 'the address to listen on' },
  port: { type: 'int', min: 0, max: 65535, default: 8080, help: 'the port to listen on; 0 picks a free one' },
  backendPort: { type: 'int', min: 0, max: 65535, default: 0, help: 'the io backend\'s port on 127.0.0.1' },
  backendDelayMillis: { type: 'int', min: 0, max: 60000, default: 20, help: 'io: the backend\'s default delay' },
  cpuIterations: { type: 'int', min: 0, max: 1000000000, default: 250000, help: 'cpu: the kernel\'s default size' },
  statsIntervalMillis: { type: 'int', min: 0, max: 3600000, default: 0, help: 'corelab-stats lines; 0: none' },
};
const EXIT_CANNOT_START = 2;

function parseOptions(args) {
  const options = {};
  for (const [name, spec] of Object.entries(SPECS)) {
    options[name] = spec.default;
  }
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const value = eq < 0 ? '' : arg.slice(eq + 1);
    const spec = SPECS[name];
    if (!spec) {
      fail(`unknown option '${name}'; valid: ${Object.keys(SPECS).join(', ')}`);
    }
    options[name] = read(name, spec, value);
  }
  return options;
}

function read(name, spec, value) {
  if (spec.type === 'flag') {
    if (value !== 'true' && value !== 'false') {
      fail(`${name} must be true or false, was '${value}'`);
    }
    return value === 'true';
  }
  if (spec.type === 'int') {
    if (!/^\d+$/.test(value) || Number(value) < spec.min || Number(value) > spec.max) {
      fail(`${name} must be a whole number between ${spec.min} and ${spec.max}, was '${value}'`);
    }
    return Number(value);
  }
  if (value === '') {
    fail(`${name} must not be empty`);
  }
  return value;
}

function fail(message) {
  console.error(`corelab: ${message}`);
  process.exit(EXIT_CANNOT_START);
}

module.exports = { parseOptions };
