'use strict';
// The seeds' Node.js cluster program, serving corelab's workloads: a primary that forks one
// worker per core with cluster.fork(), forks again when one exits, and workers that all listen
// on one port. Same routes, statuses, header names and bodies as corelab's Java modes
// (corelab.modes.server.WorkloadHandler), and the lines corelab reads from a server
// (corelab.modes.wire: ReadyLine, WorkerOnlineLine, WorkerExitLine, StatsLine, ForwardedLine).
//
//   node server.js cluster=true workers=2 port=0 backendPort=39001 statsIntervalMillis=1000
//
// cluster=false is one process, no cluster: Node's default, corelab's `single`. Scheduling is
// Node's own: NODE_CLUSTER_SCHED_POLICY=rr (the primary accepts and hands connections round
// robin) or none (the workers accept on one shared socket, the kernel picks).
const cluster = require('node:cluster');
const http = require('node:http');
const os = require('node:os');
const { parseOptions } = require('./options');
const { handler } = require('./routes');

// Under PM2 (pm2-runtime start server.js -i max -- name=value...) PM2's own primary forks the
// workers with Node's cluster module, and a worker's argv still holds pm2-runtime's words before '--'.
const underPm2 = process.env.pm_id !== undefined;
const args = process.argv.slice(2);
const options = parseOptions(underPm2 && args.includes('--') ? args.slice(args.indexOf('--') + 1) : args);
const mode = underPm2 ? 'node-pm2' : options.cluster ? 'node-cluster' : 'node';

if (underPm2) {
  runServer(Number(process.env.NODE_APP_INSTANCE) + 1); // PM2 numbers its instances from 0
} else if (options.cluster && cluster.isPrimary) {
  runPrimary();
} else {
  runServer(options.cluster ? Number(process.env.CORELAB_WORKER_ID) : 0);
}

function runPrimary() {
  const workers = options.workers || (os.availableParallelism ? os.availableParallelism() : os.cpus().length);
  const slots = new Map(); // worker id in corelab's sense (1..workers, kept across restarts) -> cluster worker
  let address = null;
  let ready = false;
  // A restarted worker keeps its id, as a corelab cluster's does: the fairness chart follows ids.
  const fork = (id) => slots.set(id, cluster.fork({ CORELAB_WORKER_ID: String(id) }));
  cluster.on('listening', (worker, where) => {
    const id = idOf(worker);
    console.log(`corelab-worker-online id=${id} pid=${worker.process.pid}`);
    address = address || where;
    if (!ready && [...slots.values()].every((w) => w.state === 'listening')) {
      ready = true;
      const sched = cluster.schedulingPolicy === cluster.SCHED_RR ? 'rr' : 'none';
      console.log(`corelab-ready mode=${mode} pid=${process.pid} address=${options.host}:${address.port}`
        + ` sched=${sched} workers=${workers}`);
    }
  });
  cluster.on('message', (worker, message) => {
    if (message && message.type === 'stats') {
      const id = idOf(worker);
      console.log(`[worker ${id}] corelab-stats pid=${worker.process.pid} worker=${id} requests=${message.requests}`
        + ' refused=0');
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    const id = idOf(worker);
    if (stopping) {
      return;
    }
    // corelab's exit code for a signal is the shell's, 128 + its number, as Java reports it.
    const exitCode = signal ? 128 + os.constants.signals[signal] : code;
    console.log(`corelab-worker-exit id=${id} pid=${worker.process.pid} code=${exitCode}`
      + (signal ? ` signal=${signal}` : '') + ' (restarting in 0 ms)');
    fork(id); // the seeds' restart: at once, no back-off
  });
  let stopping = false;
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers)) {
      worker.process.kill('SIGTERM');
    }
    setTimeout(() => process.exit(0), 2000).unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers).length === 0) {
        process.exit(0);
      }
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  const idOf = (worker) => Number([...slots.entries()].find(([, w]) => w === worker)?.[0] ?? worker.id);
  for (let id = 1; id <= workers; id++) {
    fork(id);
  }
}

function runServer(workerId) {
  const info = `mode=${mode} pid=${process.pid}` + (workerId > 0 ? ` worker=${workerId}` : '');
  const counted = { requests: 0 };
  const server = http.createServer(handler(options, info, counted));
  server.listen(options.port, options.host, () => {
    const { port } = server.address();
    if (underPm2) {
      // No primary of ours to say so: each worker says it is online, the first one that the server is ready.
      console.log(`corelab-worker-online id=${workerId} pid=${process.pid}`);
    }
    if (workerId === 0 || (underPm2 && workerId === 1)) {
      console.log(`corelab-ready mode=${mode} pid=${process.pid} address=${options.host}:${port}`);
    }
  });
  if (options.statsIntervalMillis > 0) {
    setInterval(() => {
      if (workerId > 0 && !underPm2) {
        process.send({ type: 'stats', requests: counted.requests });
      } else {
        // refused=0: this program sets no server.maxConnections, so Node refuses no connection.
        console.log(`corelab-stats pid=${process.pid} worker=${workerId} requests=${counted.requests} refused=0`);
      }
    }, options.statsIntervalMillis).unref();
  }
  // Requests in flight are lost, as with a corelab server's SIGTERM after its grace: stopping is the harness's word.
  process.on('SIGTERM', () => process.exit(0));
  if (workerId === 0) {
    process.on('SIGINT', () => process.exit(0));
  }
}
