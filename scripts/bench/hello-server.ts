import http from 'node:http';

// The baseline the heartbeat benchmark compares against: the least a node:http server can do
// per request. Run as its own process, like the Chamados server it is compared with.
const port = Number(process.argv[2]);
http
  .createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  })
  .listen(port, '127.0.0.1', () => process.stdout.write('listening\n'));
