// What the test drives in the page: one real PeerJS peer, whose every event is recorded so that the test can
// read it back through WebDriver. Written for the test only; the peerjs client itself is loaded unmodified.
(function () {
  "use strict";
  const log = [];
  const events = [];
  const received = {};
  const connections = {};
  const remoteStreams = {};

  // Keep every console line in the page too: the test prints them when it fails.
  for (const level of ["log", "info", "warn", "error", "debug"]) {
    const original = console[level].bind(console);
    console[level] = function (...args) {
      log.push(level + ": " + args.map(describe).join(" "));
      original(...args);
    };
  }
  window.addEventListener("error", (e) => log.push("uncaught: " + (e.message || e.target && e.target.src)), true);
  window.addEventListener("unhandledrejection", (e) => log.push("unhandled rejection: " + describe(e.reason)));

  function describe(value) {
    if (value instanceof Error) return value.name + ": " + value.message;
    if (typeof value === "object") {
      try { return JSON.stringify(value); } catch (ignored) { return String(value); }
    }
    return String(value);
  }

  function record(event) {
    events.push(event);
  }

  function track(conn) {
    connections[conn.peer] = conn;
    received[conn.peer] = received[conn.peer] || [];
    conn.on("open", () => record("connection-open:" + conn.peer));
    conn.on("data", (data) => received[conn.peer].push(data));
    conn.on("close", () => record("connection-close:" + conn.peer));
    conn.on("error", (e) => record("connection-error:" + conn.peer + ":" + e.type + ":" + e.message));
  }

  // A media stream without camera or microphone: a canvas that keeps drawing, captured at 10 frames a second.
  function canvasStream(label) {
    const canvas = document.createElement("canvas");
    canvas.width = 160;
    canvas.height = 120;
    document.body.appendChild(canvas);
    const context = canvas.getContext("2d");
    let frame = 0;
    setInterval(() => {
      context.fillStyle = frame++ % 2 ? "#204080" : "#80c040";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.fillStyle = "#ffffff";
      context.fillText(label + " " + frame, 10, 60);
    }, 100);
    return canvas.captureStream(10);
  }

  function watchCall(call) {
    call.on("stream", (stream) => {
      if (remoteStreams[call.peer]) return; // fires once per track in some browsers
      remoteStreams[call.peer] = stream;
      const video = document.createElement("video");
      video.muted = true;
      video.autoplay = true;
      video.playsInline = true;
      video.srcObject = stream;
      video.addEventListener("resize", () => record("video-frames:" + call.peer + ":" + video.videoWidth + "x" + video.videoHeight));
      document.body.appendChild(video);
      video.play().catch((e) => log.push("video.play: " + describe(e)));
      record("stream:" + call.peer + ":" + stream.getTracks().map((t) => t.kind + "/" + t.readyState).join(","));
    });
    call.on("close", () => record("call-close:" + call.peer));
    call.on("error", (e) => record("call-error:" + call.peer + ":" + e.type + ":" + e.message));
  }

  window.harness = {
    /** Creates the peer; its events follow in state().events. */
    start(id, options) {
      const peer = new Peer(id, options);
      window.harness.peer = peer;
      peer.on("open", (assigned) => record("open:" + assigned));
      peer.on("connection", (conn) => {
        record("connection:" + conn.peer);
        track(conn);
      });
      peer.on("call", (call) => {
        record("call:" + call.peer);
        watchCall(call);
        call.answer(canvasStream("answer"));
      });
      peer.on("disconnected", () => record("disconnected"));
      peer.on("close", () => record("close"));
      peer.on("error", (e) => record("error:" + e.type + ":" + e.message));
    },
    /** Opens a data connection to another peer. */
    dial(remoteId) {
      track(window.harness.peer.connect(remoteId, { reliable: true }));
    },
    send(remoteId, data) {
      connections[remoteId].send(data);
    },
    closeConnection(remoteId) {
      connections[remoteId].close();
    },
    /** Calls another peer with a canvas stream (no camera needed). */
    call(remoteId) {
      watchCall(window.harness.peer.call(remoteId, canvasStream("call")));
    },
    destroy() {
      window.harness.peer.destroy();
    },
    /** Everything the test reads back: events in order, data received per peer (as plain values), console lines. */
    state() {
      return { events: events.slice(), received: JSON.parse(JSON.stringify(received)), log: log.slice() };
    },
  };
})();
