// Switchboard's JavaScript client: one ES module, no dependencies, no build step.
//
//   import { SwitchboardClient } from "https://pair.example.com/js/switchboard.js";
//   const client = await SwitchboardClient.create();
//   const { session, inviteCode } = await client.openSession();
//   const connection = client.connect({ onMessage: message => console.log(message) });
//
// Every HTTP call is signed with RFC 9421 through WebCrypto (see docs/signing.md); the mailbox arrives over
// the WebSocket (docs/websocket.md), falling back to long-polling. The API is documented in
// docs/javascript-client.md. WebCrypto exists only in secure contexts: serve the page over HTTPS or from localhost.

const encoder = new TextEncoder();

/** The label of the one signature the client sends; the server verifies the first label, whatever its name. */
const LABEL = "sig1";

/** Statuses of the codes an `error` frame can carry, so that a refusal looks the same over both transports. */
const FRAME_ERROR_STATUS = {
  malformed_request: 400, validation_failed: 422, not_a_member: 403, recipient_not_a_member: 422,
  mailbox_full: 429, session_closed: 410, session_expired: 410, session_not_found: 404, internal_error: 500,
};

/** After this many WebSocket attempts in a row that never got as far as `welcome`, the connection long-polls. */
const SOCKET_ATTEMPTS_BEFORE_POLLING = 3;
/** While long-polling, how often the WebSocket is tried again (a proxy that blocked it may have been fixed). */
const SOCKET_RETRY_WHILE_POLLING_MS = 60_000;
/** Seconds a long-poll waits on the server: below the server's request timeout and any sane proxy's. */
const POLL_WAIT_SECONDS = 25;

/**
 * A refusal by the server (its RFC 9457 problem, or a WebSocket `error` frame), or a failure to reach it.
 * `status` is the HTTP status (0 when the server was not reached), `code` the machine-readable error code
 * (`session_full`, `nonce_replayed`, ... or `network_error` / `connection_lost` from the client itself).
 */
export class SwitchboardError extends Error {
  /**
   * @param {number} status HTTP status, 0 when there was no HTTP answer
   * @param {string} code the server's error code
   * @param {string} [detail] what was wrong, in words
   * @param {{requestId?: string, retryAfter?: number}} [more] the request id to quote, `Retry-After` seconds
   */
  constructor(status, code, detail = "", { requestId, retryAfter } = {}) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "SwitchboardError";
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
  }
}

/** A Switchboard identity (a signing key) talking to one server. Make one with {@link SwitchboardClient.create}. */
export class SwitchboardClient {
  #baseUrl;
  #signer;
  /** Seconds to add to the local clock, learned from the server's `Date` when a signature was refused as stale. */
  #clockOffset = 0;
  /** Sends a frame over the open WebSocket of the latest connection, or answers null when there is none. */
  #frameSender = null;

  /** @private use {@link SwitchboardClient.create} */
  constructor(baseUrl, signer) {
    this.#baseUrl = baseUrl;
    this.#signer = signer;
  }

  /**
   * A client with a fresh identity. `"auto"` makes an Ed25519 key in the browser when WebCrypto supports it
   * (nothing to register: the public key is the identity), else asks the server for an HMAC credential.
   * The private key never leaves the browser (it is not extractable).
   *
   * @param {{baseUrl?: string, algorithm?: "auto"|"ed25519"|"hmac-sha256"}} [options]
   * @returns {Promise<SwitchboardClient>}
   */
  static async create({ baseUrl = globalThis.location?.origin, algorithm = "auto" } = {}) {
    if (!baseUrl) throw new TypeError("baseUrl is required outside a web page");
    if (!globalThis.crypto?.subtle) {
      throw new TypeError("WebCrypto is unavailable: the page must be served over HTTPS or from localhost");
    }
    const base = String(baseUrl).replace(/\/+$/, "");
    if (algorithm === "ed25519") return new SwitchboardClient(base, await ed25519Signer());
    if (algorithm === "hmac-sha256") return new SwitchboardClient(base, await hmacSigner(base));
    if (algorithm !== "auto") throw new TypeError(`unknown algorithm ${algorithm}: auto, ed25519 or hmac-sha256`);
    let signer;
    try {
      signer = await ed25519Signer();
    } catch {
      // Browsers without Ed25519 in WebCrypto refuse generateKey; a server-issued HMAC secret works everywhere.
      signer = await hmacSigner(base);
    }
    return new SwitchboardClient(base, signer);
  }

  /** The identity: the Ed25519 public key in base64url, or the HMAC credential's id (`hk_...`). */
  get keyId() { return this.#signer.keyId; }

  /** `"ed25519"` or `"hmac-sha256"`. */
  get algorithm() { return this.#signer.algorithm; }

  /** The server, without a trailing slash: `https://pair.example.com`. */
  get baseUrl() { return this.#baseUrl; }

  /**
   * A signed JSON call to any route of docs/http-api.md.
   *
   * @param {string} method `GET`, `POST`, `DELETE`, ...
   * @param {string} path with its query, e.g. `/v1/messages?after=4`
   * @param {*} [body] sent as JSON when given (and then covered by `Content-Digest`)
   * @param {{signal?: AbortSignal}} [options] `signal` cancels the call (it then rejects with an AbortError)
   * @returns {Promise<*>} the parsed response body; null for 204
   * @throws {SwitchboardError} when the server refuses or cannot be reached
   */
  request(method, path, body, { signal } = {}) {
    return this.#call(method, path, body, signal);
  }

  /**
   * Opens a pairing session hosted by this identity.
   * @param {{capacity?: number, ttlSeconds?: number}} [options] server defaults when left out
   * @returns {Promise<{session: object, memberId: string, inviteCode: string, inviteToken: string, joinUri: string}>}
   */
  openSession({ capacity, ttlSeconds } = {}) {
    return this.#call("POST", "/v1/sessions", { capacity, ttlSeconds });
  }

  /**
   * Joins a session with its invite code (case-insensitive) or its invite token, exactly one of them.
   * @param {{code?: string, token?: string}} invite
   * @returns {Promise<{session: object, memberId: string}>}
   */
  joinSession({ code, token } = {}) {
    return this.#call("POST", "/v1/sessions/join", { code, token });
  }

  /** @returns {Promise<object>} the session, as its members see it */
  getSession(sessionId) {
    return this.#call("GET", `/v1/sessions/${encodeURIComponent(sessionId)}`);
  }

  /** Leaves a session; the others receive `peer-left`. @returns {Promise<null>} */
  leaveSession(sessionId) {
    return this.#call("POST", `/v1/sessions/${encodeURIComponent(sessionId)}/leave`);
  }

  /** Closes a session (the host only); every member receives `session-closed`. @returns {Promise<null>} */
  closeSession(sessionId) {
    return this.#call("DELETE", `/v1/sessions/${encodeURIComponent(sessionId)}`);
  }

  /**
   * Relays a signal to one member (`to`) or to every other member. Goes over the WebSocket of the open
   * connection when there is one, else over HTTP.
   *
   * @param {string} sessionId
   * @param {{to?: string, type: string, payload: *}} signal `type`: `offer`, `answer`, `ice-candidate`,
   *     `key-exchange`, `bye` or `app:<name>`
   * @returns {Promise<{sequences: number[]}>} the stored signals' sequences, one per recipient
   * @throws {SwitchboardError} a refusal; `connection_lost` when the socket dropped before the server answered
   *     (the signal may or may not have been relayed)
   */
  async sendSignal(sessionId, { to, type, payload }) {
    const overSocket = this.#frameSender?.({ type: "signal", sessionId, to, signalType: type, payload });
    if (overSocket) return { sequences: (await overSocket).sequences };
    const { signals } = await this.#call("POST", `/v1/sessions/${encodeURIComponent(sessionId)}/signals`,
      { to, type, payload });
    return { sequences: signals.map(signal => signal.sequence) };
  }

  /**
   * Receives this identity's mailbox in real time, resuming across drops. See {@link Connection}.
   *
   * @param {{after?: number, onMessage?: function(object): (void|Promise<void>),
   *          onStateChange?: function(string): void, onError?: function(Error): void}} [options]
   *     `after`: the last sequence already processed (0: everything still in the mailbox)
   * @returns {Connection}
   */
  connect({ after = 0, onMessage, onStateChange, onError } = {}) {
    return new Connection(this, { after, onMessage, onStateChange, onError }, sender => {
      this.#frameSender = sender;
    });
  }

  async #call(method, path, body, signal, retried = false) {
    const url = new URL(this.#baseUrl + path);
    const bytes = body === undefined ? undefined : encoder.encode(JSON.stringify(body));
    let response;
    try {
      response = await fetch(url, {
        method,
        headers: await this.#signatureHeaders(method, url, bytes),
        body: bytes,
        signal,
        cache: "no-store",
        credentials: "omit",
      });
    } catch (error) {
      if (error?.name === "AbortError") throw error;
      throw new SwitchboardError(0, "network_error", `${method} ${path}: ${error?.message ?? error}`);
    }
    if (response.ok) {
      const text = await response.text();
      return text ? JSON.parse(text) : null;
    }
    const error = await problem(response);
    if (!retried && this.#learnClock(error, response)) return this.#call(method, path, body, signal, true);
    throw error;
  }

  /**
   * A stale or early `created` means the local clock is off (phones often are): take the server's `Date`
   * (readable on same-origin calls) as the truth and sign once more. True when it is worth a retry.
   */
  #learnClock(error, response) {
    if (error.code !== "signature_expired" && error.code !== "signature_from_future") return false;
    const serverTime = Date.parse(response.headers.get("date") ?? "");
    if (Number.isNaN(serverTime)) return false;
    const offset = Math.round((serverTime - Date.now()) / 1000);
    if (offset === this.#clockOffset) return false;
    this.#clockOffset = offset;
    return true;
  }

  /** The RFC 9421 headers of one request (docs/signing.md); a fresh nonce and `created` every time. */
  async #signatureHeaders(method, url, bytes) {
    const headers = {};
    const values = {
      "@method": method.toUpperCase(),
      // Exactly what the server rebuilds from the Host header and the request line; URL drops default ports.
      "@target-uri": `${url.protocol}//${url.host}${url.pathname}${url.search}`,
    };
    if (bytes !== undefined) {
      headers["content-type"] = values["content-type"] = "application/json";
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
      headers["content-digest"] = values["content-digest"] = `sha-256=:${base64(digest)}:`;
    }
    const created = Math.floor(Date.now() / 1000) + this.#clockOffset;
    const nonce = base64url(crypto.getRandomValues(new Uint8Array(16)));
    const components = Object.keys(values).map(name => `"${name}"`).join(" ");
    const params = `(${components});created=${created};nonce="${nonce}";keyid="${this.#signer.keyId}"`
      + `;alg="${this.#signer.algorithm}"`;
    const base = Object.entries(values).map(([name, value]) => `"${name}": ${value}`)
      .concat(`"@signature-params": ${params}`).join("\n");
    const signature = new Uint8Array(await this.#signer.sign(encoder.encode(base)));
    headers["signature-input"] = `${LABEL}=${params}`;
    headers["signature"] = `${LABEL}=:${base64(signature)}:`;
    return headers;
  }
}

/**
 * The live side of a client: a ticket (`POST /v1/tickets`), then the WebSocket `/v1/ws`. Each mailbox
 * message is handed to `onMessage` once, in sequence order, and acknowledged once `onMessage` returns (or its
 * promise settles). When the socket drops, the connection reconnects with backoff and a fresh ticket, resuming
 * after the last handled sequence: nothing is lost, and what the server pushes again is skipped. When
 * WebSockets keep failing (a proxy that blocks them), it long-polls `GET /v1/messages` instead, trying the
 * socket again now and then.
 *
 * `state`: `connecting` (never open yet), `open`, `reconnecting`, `closed`.
 */
export class Connection {
  #client;
  #onMessage;
  #onStateChange;
  #onError;
  #publishSender;
  #state = "connecting";
  #socket = null;
  /** The highest sequence handed to onMessage and returned from it. */
  #lastHandled;
  /** The highest sequence taken into the queue: the server may push it again after a reconnect. */
  #lastQueued;
  #lastAcknowledged;
  #queue = [];
  #draining = false;
  #pending = new Map();
  #nextRef = 1;
  #failures = 0;
  #socketFailures = 0;
  #lastSocketAttempt = 0;
  #wake = null;
  #poll = null;

  /** @private use {@link SwitchboardClient#connect} */
  constructor(client, { after, onMessage, onStateChange, onError }, publishSender) {
    if (!Number.isSafeInteger(after) || after < 0) throw new TypeError("after must be a sequence, 0 or more");
    this.#client = client;
    this.#onMessage = onMessage;
    this.#onStateChange = onStateChange;
    this.#onError = onError;
    this.#publishSender = publishSender;
    this.#lastHandled = this.#lastQueued = this.#lastAcknowledged = after;
    this.#run();
  }

  /** `connecting`, `open`, `reconnecting` or `closed`. */
  get state() { return this.#state; }

  /** The last sequence acknowledged to the server: pass it as `after` to resume in a later connection. */
  get lastAcknowledged() { return this.#lastAcknowledged; }

  /** Stops for good: closes the socket, ends any long-poll, hands out nothing more. */
  close() {
    if (this.#state === "closed") return;
    this.#setState("closed");
    this.#publishSender(null);
    this.#socket?.close(1000, "closed by the client");
    this.#poll?.abort();
    this.#wake?.();
  }

  async #run() {
    while (this.#state !== "closed") {
      const polling = this.#socketFailures >= SOCKET_ATTEMPTS_BEFORE_POLLING
        && Date.now() - this.#lastSocketAttempt < SOCKET_RETRY_WHILE_POLLING_MS;
      let healthy = false;
      try {
        healthy = polling ? await this.#pollOnce() : await this.#socketUntilClosed();
      } catch (error) {
        if (this.#state !== "closed") this.#report(error);
      }
      if (this.#state === "closed") return;
      this.#failures = healthy ? 0 : this.#failures + 1;
      if (polling && healthy) continue;
      if (this.#state === "open") this.#setState("reconnecting");
      await this.#sleep(backoff(this.#failures));
    }
  }

  /** One WebSocket, from its ticket to its close. True when it got as far as `welcome`. */
  async #socketUntilClosed() {
    this.#lastSocketAttempt = Date.now();
    const { ticket } = await this.#client.request("POST", "/v1/tickets");
    if (this.#state === "closed") return false;
    const url = `${this.#client.baseUrl.replace(/^http/, "ws")}/v1/ws?ticket=${encodeURIComponent(ticket)}`
      + `&after=${this.#lastHandled}`;
    let socket;
    try {
      socket = new WebSocket(url);
    } catch (error) {
      // Refused outright (a page's CSP, say): long-polling may still get through.
      this.#socketFailures += 1;
      throw error;
    }
    this.#socket = socket;
    let welcomed = false;
    const closed = new Promise(resolve => {
      socket.onclose = event => resolve(event);
    });
    socket.onmessage = event => {
      const frame = JSON.parse(event.data);
      if (frame.type === "welcome") {
        welcomed = true;
        this.#socketFailures = 0;
        this.#publishSender(signal => this.#sendFrame(socket, signal));
        this.#setState("open");
        // An ack sent just before the last drop may never have arrived: repeating it is harmless.
        if (this.#lastHandled > 0) this.#acknowledge(true);
      } else {
        this.#onFrame(frame);
      }
    };
    const event = await closed;
    if (this.#socket === socket) this.#socket = null;
    this.#publishSender(null);
    this.#failPending(new SwitchboardError(0, "connection_lost",
      "the WebSocket closed before the server answered; the signal may or may not have been relayed"));
    if (!welcomed) this.#socketFailures += 1;
    // 1008 means too many frames: going straight back would only be cut off again.
    return welcomed && event.code !== 1008;
  }

  /** One long-poll round of `GET /v1/messages`. True when the server answered. */
  async #pollOnce() {
    this.#poll = new AbortController();
    // Until the server has answered once, ask without waiting: "open" should not hang on an empty mailbox.
    const wait = this.#state === "open" ? POLL_WAIT_SECONDS : 0;
    try {
      const page = await this.#client.request("GET",
        `/v1/messages?after=${this.#lastQueued}&wait=${wait}`, undefined, { signal: this.#poll.signal });
      if (this.#state === "closed") return false;
      if (this.#state !== "open") this.#setState("open");
      page.messages.forEach(message => this.#enqueue(message));
      return true;
    } finally {
      this.#poll = null;
    }
  }

  #onFrame(frame) {
    switch (frame.type) {
      case "sent":
        this.#settle(frame.ref, pending => pending.resolve(frame));
        break;
      case "error": {
        const error = new SwitchboardError(FRAME_ERROR_STATUS[frame.code] ?? 400, frame.code, frame.detail,
          { requestId: frame.errorId });
        if (!this.#settle(frame.ref, pending => pending.reject(error))) this.#report(error);
        break;
      }
      default:
        if (Number.isSafeInteger(frame.sequence)) this.#enqueue(frame);
    }
  }

  #sendFrame(socket, frame) {
    if (socket.readyState !== WebSocket.OPEN) return null;
    const ref = String(this.#nextRef++);
    return new Promise((resolve, reject) => {
      this.#pending.set(ref, { resolve, reject });
      socket.send(JSON.stringify({ ...frame, ref }));
    });
  }

  #settle(ref, action) {
    const pending = this.#pending.get(ref);
    if (!pending) return false;
    this.#pending.delete(ref);
    action(pending);
    return true;
  }

  #failPending(error) {
    this.#pending.forEach(pending => pending.reject(error));
    this.#pending.clear();
  }

  #enqueue(message) {
    // After a reconnect the server pushes again everything after the last handled sequence, some of which
    // may already wait in the queue: sequences only grow, so one comparison skips them.
    if (message.sequence <= this.#lastQueued) return;
    this.#lastQueued = message.sequence;
    this.#queue.push(message);
    this.#drain();
  }

  /** Hands queued messages to onMessage one at a time, so a slow async handler still sees them in order. */
  async #drain() {
    if (this.#draining) return;
    this.#draining = true;
    try {
      while (this.#queue.length > 0 && this.#state !== "closed") {
        const message = this.#queue.shift();
        try {
          await this.#onMessage?.(message);
        } catch (error) {
          // A handler that throws has had its turn: holding the message back would block every later one.
          this.#report(error);
        }
        this.#lastHandled = message.sequence;
        // One ack per burst rather than per message spares the socket's frame budget.
        if (this.#queue.length === 0) this.#acknowledge(false);
      }
    } finally {
      this.#draining = false;
    }
  }

  /** Acknowledges everything handled so far, over the socket when it is open, else over HTTP. */
  #acknowledge(repeat) {
    const upTo = this.#lastHandled;
    if (upTo < this.#lastAcknowledged || (upTo === this.#lastAcknowledged && !repeat)) return;
    if (this.#socket?.readyState === WebSocket.OPEN) {
      this.#socket.send(JSON.stringify({ type: "ack", upTo }));
      this.#lastAcknowledged = upTo;
      return;
    }
    this.#client.request("POST", "/v1/messages/ack", { upTo }).then(() => {
      this.#lastAcknowledged = Math.max(this.#lastAcknowledged, upTo);
    }, error => this.#report(error));
  }

  #setState(state) {
    if (this.#state === state) return;
    this.#state = state;
    try {
      this.#onStateChange?.(state);
    } catch (error) {
      this.#report(error);
    }
  }

  #report(error) {
    if (this.#onError) this.#onError(error);
    else console.warn("switchboard:", error);
  }

  #sleep(ms) {
    return new Promise(resolve => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      this.#wake = null;
    });
  }
}

/** 250 ms after a healthy connection, doubling per failure up to 30 s, with jitter so clients do not stampede. */
function backoff(failures) {
  const ceiling = Math.min(30_000, 250 * 2 ** failures);
  return ceiling / 2 + Math.random() * ceiling / 2;
}

async function ed25519Signer() {
  // The private key is not extractable: script on the page can sign with it but never read it.
  const pair = await crypto.subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"]);
  const raw = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
  return {
    keyId: base64url(raw),
    algorithm: "ed25519",
    sign: base => crypto.subtle.sign({ name: "Ed25519" }, pair.privateKey, base),
  };
}

async function hmacSigner(baseUrl) {
  let response;
  try {
    response = await fetch(`${baseUrl}/v1/credentials`, { method: "POST", cache: "no-store", credentials: "omit" });
  } catch (error) {
    throw new SwitchboardError(0, "network_error", `POST /v1/credentials: ${error?.message ?? error}`);
  }
  if (!response.ok) throw await problem(response);
  const { credentialId, secret } = await response.json();
  const key = await crypto.subtle.importKey("raw", fromBase64url(secret), { name: "HMAC", hash: "SHA-256" },
    false, ["sign"]);
  return {
    keyId: credentialId,
    algorithm: "hmac-sha256",
    sign: base => crypto.subtle.sign("HMAC", key, base),
  };
}

/** The SwitchboardError of a refused response, from its problem JSON when it has one. */
async function problem(response) {
  let body = null;
  try {
    body = JSON.parse(await response.text());
  } catch {
    // A proxy's HTML error page, say: the status alone has to do.
  }
  const retryAfter = Number.parseInt(response.headers.get("retry-after") ?? "", 10);
  return new SwitchboardError(response.status, body?.code ?? `http_${response.status}`,
    body?.detail ?? body?.title ?? response.statusText, {
      requestId: response.headers.get("x-request-id") ?? undefined,
      retryAfter: Number.isNaN(retryAfter) ? undefined : retryAfter,
    });
}

function base64(bytes) {
  let binary = "";
  bytes.forEach(byte => { binary += String.fromCharCode(byte); });
  return btoa(binary);
}

function base64url(bytes) {
  return base64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, char => char.charCodeAt(0));
}
