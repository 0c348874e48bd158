'use strict';
// Calls corelab's io backend as corelab's event-loop modes do (corelab.modes.threads.LoopBackendClient):
// one line each way ("<delayMillis> <token>\n", then "<token>\n"), one exchange at a time per
// connection, connections kept in a pool of idle ones and reused. The event loop never waits:
// the answer arrives as a 'data' event. Opening a connection per call would spend ephemeral
// ports faster than the kernel frees them.
const net = require('node:net');

const MAX_LINE_BYTES = 64; // corelab.workloads.BackendProtocol.MAX_LINE_BYTES

function backendClient(port) {
  const idle = [];
  return function call(delayMillis, token) {
    return new Promise((resolve, reject) => {
      let socket = idle.pop();
      while (socket && socket.destroyed) { // broke while idle: not reused
        socket = idle.pop();
      }
      socket = socket || open(port);
      let line = '';
      const done = (error) => {
        socket.removeListener('data', onData);
        socket.removeListener('error', onError);
        socket.removeListener('close', onClose);
        if (error) {
          socket.destroy();
          reject(error);
        } else {
          idle.push(socket);
          resolve();
        }
      };
      const onData = (chunk) => {
        line += chunk;
        const end = line.indexOf('\n');
        if (end < 0) {
          if (line.length > MAX_LINE_BYTES) {
            done(new Error(`backend line longer than ${MAX_LINE_BYTES} bytes`));
          }
          return;
        }
        const answer = line.slice(0, end);
        done(answer === token ? null : new Error(`backend answered '${answer}' to token ${token}`));
      };
      const onError = (error) => done(new Error(`cannot reach the io backend at 127.0.0.1:${port}: ${error.message}`));
      const onClose = () => done(new Error('the backend closed the connection'));
      socket.on('data', onData);
      socket.on('error', onError);
      socket.on('close', onClose);
      socket.write(`${delayMillis} ${token}\n`);
    });
  };
}

function open(port) {
  const socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
  socket.setEncoding('latin1');
  // An idle pooled connection that breaks must not throw from nowhere: it is simply not reused.
  socket.on('error', () => {});
  socket.on('close', () => {});
  return socket;
}

module.exports = { backendClient };
