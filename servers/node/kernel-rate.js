'use strict';
// The cpu kernel's single-core rate in Node.js, by CPU time (not wall time: the machine may be
// busy): node servers/node/kernel-rate.js [iterations]. Prints iterations per CPU-second.
const { compute } = require('./kernel');

const iterations = Number(process.argv[2] || 50_000_000);
compute(1n, 1_000_000); // warm the JIT before timing
const before = process.cpuUsage();
const result = compute(7n, iterations);
const used = process.cpuUsage(before);
const cpuSeconds = (used.user + used.system) / 1e6;
console.log(`node ${process.version}: ${iterations} iterations in ${cpuSeconds.toFixed(3)} CPU-s:`
  + ` ${(iterations / cpuSeconds / 1e6).toFixed(1)} M iterations per CPU-second (result ${result})`);
