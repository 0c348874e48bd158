// The Node.js side of benchmarks/http-core-vs-node: corelab's GET /hello served by
// nothing but Node's own `http` module, so that the comparison is core against core.
//
//   node node-hello.js PORT      (0 picks a free port)
//
// It answers exactly what corelab answers (status 200, the same 19-byte body, the same
// Content-Type), routes the same way (GET /hello, anything else 404), and prints one
// ready line in corelab's format once it accepts connections:
//
//   node-ready mode=node-http pid=123 address=127.0.0.1:40123
//
// Node's own defaults are kept on purpose (Date, Connection and Keep-Alive headers,
// timeouts): the question is what Node's `http` module costs as people use it, not what
// a tuned Node costs. It exits on SIGTERM or SIGINT.
'use strict';

const http = require('http');

const HELLO_BODY = Buffer.from('Hello from corelab\n', 'utf8'); // 19 bytes, as corelab's
const HELLO_HEADERS = {
  'Content-Type': 'text/plain; charset=utf-8',
  'Content-Length': HELLO_BODY.length,
};
const NOT_FOUND_BODY = Buffer.from('Not Found: try /hello\n', 'utf8');

const portArg = process.argv[2];
const port = Number(portArg);
if (portArg === undefined || !Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`node-hello: usage: node node-hello.js PORT (0-65535), was '${portArg}'`);
  process.exit(2);
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/hello') {
    res.writeHead(200, HELLO_HEADERS);
    res.end(HELLO_BODY);
    return;
  }
  res.writeHead(404, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': NOT_FOUND_BODY.length,
  });
  res.end(NOT_FOUND_BODY);
});

server.on('error', (error) => {
  console.error(`node-hello: cannot listen on 127.0.0.1:${port}: ${error.message}`);
  process.exit(2);
});

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  console.log(`node-ready mode=node-http pid=${process.pid} address=${address.address}:${address.port}`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    // Open keep-alive connections would hold close() forever; the benchmark is over anyway.
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
