// Drives the client module (switchboard.js, unmodified) for SwitchboardClientInTheBrowserTest. Everything the
// client does is recorded here and read back through WebDriver; the WebSocket constructor is wrapped so the test
// can drop the connection or refuse new ones, as a flaky network would, without the client knowing.

const query = new URLSearchParams(location.search);
const server = query.get("server");
// The module as the server serves it, imported across origins; `client` may name another copy of it.
const clientModule = query.get("client") ?? `${server}/js/switchboard.js`;
const sockets = [];
let refusing = false;

class ObservedSocket extends WebSocket {
  constructor(url, protocols) {
    // Refusing: the same request, sent to a closed port on loopback, fails at once like a blocked upgrade.
    super(refusing ? url.replace(/^ws:\/\/[^/]+/, "ws://127.0.0.1:9") : url, protocols);
    this.record = { refused: refusing, after: Number(new URL(url).searchParams.get("after")), sent: [] };
    sockets.push(this);
  }

  send(data) {
    this.record.sent.push(JSON.parse(data).type);
    super.send(data);
  }
}
window.WebSocket = ObservedSocket;

const { SwitchboardClient, SwitchboardError } = await import(clientModule);

let client = null;
let connection = null;
const received = [];
const states = [];
const errors = [];
let holding = null;

function describe(error) {
  return {
    name: error?.name, message: String(error?.message ?? error), isSwitchboardError: error instanceof SwitchboardError,
    status: error?.status, code: error?.code, detail: error?.detail,
  };
}

window.harness = {
  async create(algorithm) {
    try {
      client = await SwitchboardClient.create({ baseUrl: server, algorithm });
      return { value: { keyId: client.keyId, algorithm: client.algorithm, baseUrl: client.baseUrl } };
    } catch (error) {
      return { error: describe(error) };
    }
  },

  /** Calls a method of the client with JSON arguments; answers {value} or {error}, never throws. */
  async invoke(method, args) {
    try {
      return { value: await client[method](...args) };
    } catch (error) {
      return { error: describe(error) };
    }
  },

  connect(after) {
    connection = client.connect({
      after,
      onMessage: async message => {
        received.push(message);
        if (holding) await holding.released;
      },
      onStateChange: state => states.push(state),
      onError: error => errors.push(describe(error)),
    });
  },

  /** From now on the handler does not return until release(): its messages stay unacknowledged. */
  hold() {
    let release;
    holding = { released: new Promise(resolve => { release = resolve; }), release };
  },

  release() {
    holding?.release();
    holding = null;
  },

  /** Closes every open socket under the client's feet; with refuse, new ones fail until refuse(false). */
  drop(refuse) {
    refusing = refuse;
    sockets.filter(socket => socket.readyState === WebSocket.OPEN).forEach(socket => socket.close());
  },

  refuse(refuse) {
    refusing = refuse;
  },

  state() {
    return {
      received, states, errors,
      connection: connection && { state: connection.state, lastAcknowledged: connection.lastAcknowledged },
      sockets: sockets.map(socket => ({ ...socket.record, open: socket.readyState === WebSocket.OPEN })),
    };
  },
};
