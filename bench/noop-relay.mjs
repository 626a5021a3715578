// The no-op relay ceiling in Node.js, for bench/peerjs.sh: the `ws` library that the `peer` server is built on
// (resolved from bench/target/peerjs-server), answering each <path>peerjs?id= with OPEN and forwarding every
// frame untouched to the socket of its "dst", with no JSON, checks or queues. Whatever it relays on one core,
// the load generator can drive.   node bench/noop-relay.mjs <port>
import { createRequire } from "node:module";
import { createServer } from "node:http";

const require = createRequire(new URL("./target/peerjs-server/package.json", import.meta.url));
const { WebSocketServer } = require("ws");
const peers = new Map();
const server = createServer((request, response) => response.end("noop relay"));
new WebSocketServer({ server }).on("connection", (socket, request) => {
  const id = new URL(request.url, "http://relay").searchParams.get("id");
  peers.set(id, socket);
  socket.on("message", (data) => {
    const text = data.toString();
    const at = text.indexOf('"dst":"') + 7;
    peers.get(text.slice(at, text.indexOf('"', at)))?.send(text);
  });
  socket.on("close", () => peers.delete(id));
  socket.send('{"type":"OPEN"}');
});
server.listen(Number(process.argv[2]), "127.0.0.1");
