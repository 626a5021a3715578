// The demo page: two browsers pair through a Switchboard session and chat over a WebRTC data channel.
// Switchboard carries only the signaling (offer, answer, trickled ICE candidates); the chat goes peer to peer.
// The page's element ids and data attributes are a contract with the end-to-end test; see docs/javascript-client.md.

import { SwitchboardClient } from "/js/switchboard.js";
import qrcode from "/demo/qrcode.js";

const $ = id => document.getElementById(id);
const query = new URLSearchParams(location.search);
// No STUN by default: on one machine or one LAN, host candidates are enough. `?stun=stun:host:3478` adds one.
const iceServers = query.get("stun") ? [{ urls: query.get("stun") }] : [];

let clientReady = null;
/** The client once made, for the page's last moments when there is no time to await anything. */
let readyClient = null;
let sessionId = null;
let myMemberId = null;
let peerMemberId = null;
/** The pending open or join: messages that arrive before its answer wait for it (they may be the peer's offer). */
let membership = null;
let pc = null;
let channel = null;
/** Remote candidates that came before the remote description, which addIceCandidate needs first. */
let remoteCandidates = [];
/** Local candidates gathered before our offer or answer went out: sending them first would confuse the peer. */
let localCandidates = null;
/** Signals leave one after the other, so the peer receives the description before its candidates. */
let outbox = Promise.resolve();

document.addEventListener("DOMContentLoaded", () => {
  $("open-session").addEventListener("click", openSession);
  $("join-form").addEventListener("submit", event => {
    event.preventDefault();
    const code = $("join-code").value.trim();
    if (code) join({ code });
  });
  $("chat-form").addEventListener("submit", event => {
    event.preventDefault();
    sendChat();
  });
  // Leaving: tell the peer at once rather than after the presence timeout. A socket frame goes out synchronously,
  // so it survives the page's unloading; the signed HTTP calls may not, and the server's timeout covers them.
  window.addEventListener("pagehide", () => {
    if (!readyClient || !sessionId) return;
    if (peerMemberId) readyClient.sendSignal(sessionId, { to: peerMemberId, type: "bye", payload: {} }).catch(() => {});
    (isHost() ? readyClient.closeSession(sessionId) : readyClient.leaveSession(sessionId)).catch(() => {});
  });
  const token = query.get("token");
  if (location.pathname === "/join" && token) {
    // A scanned QR code or a followed link joins at once. The address then drops the token, so that a reload
    // starts afresh rather than joining again under a new identity while the old one still holds the seat.
    history.replaceState(null, "", "/demo");
    join({ token });
  }
});

/** The page's identity and its live connection, made on first use; a failure lets the next click try again. */
function client() {
  clientReady ??= SwitchboardClient.create().then(created => {
    readyClient = created;
    $("identity").textContent = `${created.algorithm} ${created.keyId}`;
    const connection = created.connect({
      onMessage,
      onStateChange: state => { $("signaling-state").textContent = state; },
      // The connection retries by itself: a failed attempt is worth a note, not the error banner.
      onError: error => {
        console.warn("signaling:", error);
        $("signaling-state").textContent = `${connection.state} (${error.code ?? error.message})`;
      },
    });
    return created;
  }, error => {
    clientReady = null;
    throw error;
  });
  return clientReady;
}

async function openSession() {
  clearError();
  $("open-session").disabled = true;
  membership = (async () => {
    const switchboard = await client();
    const opened = await switchboard.openSession({ capacity: 2 });
    sessionId = opened.session.id;
    myMemberId = opened.memberId;
    showInvite(opened.inviteCode, opened.joinUri);
    setRole("host");
    setPhase("hosting");
    status("Waiting for the other side to join…");
  })();
  try {
    await membership;
  } catch (error) {
    showError(error);
    $("open-session").disabled = false;
  }
}

async function join(invite) {
  clearError();
  setRole("guest");
  setPhase("joining");
  status("Joining…");
  membership = (async () => {
    const switchboard = await client();
    const joined = await switchboard.joinSession(invite);
    sessionId = joined.session.id;
    myMemberId = joined.memberId;
    peerMemberId = joined.session.members.find(member => member.host)?.id ?? null;
    setPhase("paired");
    status("Joined. Waiting for the host's offer…");
  })();
  try {
    await membership;
  } catch (error) {
    showError(error);
    setRole("none");
    setPhase("idle");
    status("Open or join a session to start.");
  }
}

/** Every mailbox message, once and in order; the connection acknowledges it when this returns. */
async function onMessage(message) {
  await membership?.catch(() => {});
  if (message.sessionId !== sessionId) return;
  try {
    switch (message.type) {
      case "peer-joined":
        if (message.member !== myMemberId && isHost() && !pc) await call(message.member);
        break;
      case "peer-left":
        if (message.member === peerMemberId) peerGone("The other side left.");
        break;
      case "session-closed":
        sessionId = null;
        peerGone("The session was closed.");
        break;
      case "signal":
        if (message.from === peerMemberId || (!peerMemberId && !isHost())) await onSignal(message);
        break;
    }
  } catch (error) {
    showError(error);
  }
}

async function onSignal({ from, signalType, payload }) {
  switch (signalType) {
    case "offer":
      peerMemberId = from;
      createPeerConnection();
      await pc.setRemoteDescription(payload);
      await addQueuedCandidates();
      await pc.setLocalDescription(await pc.createAnswer());
      sendDescription();
      status("Answered; connecting directly…");
      break;
    case "answer":
      if (!pc) return;
      await pc.setRemoteDescription(payload);
      await addQueuedCandidates();
      break;
    case "ice-candidate":
      if (pc?.remoteDescription) await addCandidate(payload);
      else remoteCandidates.push(payload);
      break;
    case "bye":
      peerGone("The other side left.");
      break;
  }
}

/** The host's side: a data channel and an offer, as soon as the guest is in the session. */
async function call(member) {
  peerMemberId = member;
  setPhase("paired");
  status("The other side joined; connecting directly…");
  createPeerConnection();
  useChannel(pc.createDataChannel("chat"));
  await pc.setLocalDescription(await pc.createOffer());
  sendDescription();
}

function createPeerConnection() {
  pc?.close();
  pc = new RTCPeerConnection({ iceServers });
  localCandidates = [];
  showConnectionState(pc.connectionState);
  const current = pc;
  pc.addEventListener("connectionstatechange", () => {
    if (pc === current) showConnectionState(current.connectionState);
  });
  // Trickle ICE: each candidate goes out the moment it is found rather than after gathering completes.
  pc.addEventListener("icecandidate", ({ candidate }) => {
    if (pc !== current || !candidate?.candidate) return;
    const { sdpMid, sdpMLineIndex } = candidate;
    const payload = { candidate: candidate.candidate, sdpMid, sdpMLineIndex };
    if (localCandidates) localCandidates.push(payload);
    else signal("ice-candidate", payload);
  });
  pc.addEventListener("datachannel", ({ channel: offered }) => useChannel(offered));
}

function sendDescription() {
  const { type, sdp } = pc.localDescription;
  signal(type, { type, sdp });
  const gathered = localCandidates ?? [];
  localCandidates = null;
  gathered.forEach(candidate => signal("ice-candidate", candidate));
}

function signal(type, payload) {
  const to = peerMemberId;
  const session = sessionId;
  outbox = outbox
    .then(() => client())
    .then(switchboard => switchboard.sendSignal(session, { to, type, payload }))
    .catch(showError);
}

async function addQueuedCandidates() {
  const queued = remoteCandidates;
  remoteCandidates = [];
  for (const candidate of queued) await addCandidate(candidate);
}

async function addCandidate(candidate) {
  try {
    await pc.addIceCandidate(candidate);
  } catch (error) {
    // One unusable candidate (an address family this host lacks, say) is no reason to give up on the others.
    console.warn("ignored an ICE candidate", candidate, error);
  }
}

function useChannel(dataChannel) {
  channel = dataChannel;
  dataChannel.addEventListener("open", () => {
    if (channel !== dataChannel) return;
    $("chat-send").disabled = false;
    setPhase("connected");
    status("Connected peer to peer. Say hello!");
    $("chat-input").focus();
  });
  dataChannel.addEventListener("close", () => {
    if (channel !== dataChannel) return;
    $("chat-send").disabled = true;
    if (document.body.dataset.phase === "connected") {
      setPhase("paired");
      status("The direct connection closed. Waiting to hear from the other side…");
    }
  });
  dataChannel.addEventListener("message", ({ data }) => addLine(String(data), "received"));
}

function sendChat() {
  const text = $("chat-input").value;
  if (!text.trim() || channel?.readyState !== "open") return;
  channel.send(text);
  addLine(text, "sent");
  $("chat-input").value = "";
}

function peerGone(why) {
  channel?.close();
  pc?.close();
  channel = null;
  pc = null;
  peerMemberId = null;
  remoteCandidates = [];
  $("chat-send").disabled = true;
  showConnectionState("closed");
  if (isHost() && sessionId) {
    setPhase("hosting");
    status(`${why} The session is still open: another device can join with the same code.`);
  } else {
    setRole("none");
    setPhase("idle");
    status(why);
  }
}

function showInvite(code, joinUri) {
  $("invite-code").textContent = code;
  $("join-link").href = joinUri;
  $("join-link").textContent = joinUri;
  $("invite-qr").replaceChildren(qrSvg(joinUri));
  $("invite").hidden = false;
}

/** The QR code as SVG built through the DOM: sharp at any size and allowed by the page's CSP (no inline style). */
function qrSvg(text) {
  const qr = qrcode(0, "M");
  qr.addData(text);
  qr.make();
  const margin = 4;
  const modules = qr.getModuleCount();
  const size = modules + 2 * margin;
  let path = "";
  for (let row = 0; row < modules; row++) {
    for (let col = 0; col < modules; col++) {
      if (qr.isDark(row, col)) path += `M${col + margin} ${row + margin}h1v1h-1z`;
    }
  }
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("shape-rendering", "crispEdges");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `QR code of ${text}`);
  const background = document.createElementNS(ns, "rect");
  background.setAttribute("width", String(size));
  background.setAttribute("height", String(size));
  background.setAttribute("fill", "#ffffff");
  const dark = document.createElementNS(ns, "path");
  dark.setAttribute("d", path);
  dark.setAttribute("fill", "#000000");
  svg.append(background, dark);
  return svg;
}

function addLine(text, kind) {
  const line = document.createElement("li");
  line.className = kind;
  line.textContent = text;
  $("chat-log").append(line);
  line.scrollIntoView({ block: "nearest" });
}

function showConnectionState(state) {
  $("connection-state").dataset.state = state;
  $("connection-state").textContent = state;
}

function isHost() {
  return document.body.dataset.role === "host";
}

function setRole(role) {
  document.body.dataset.role = role;
}

function setPhase(phase) {
  document.body.dataset.phase = phase;
  // One session per page: the buttons rest while this page is in one.
  $("join-code").disabled = $("join-button").disabled = $("open-session").disabled = phase !== "idle";
  if (phase === "idle") $("invite").hidden = true;
}

function status(text) {
  $("status").textContent = text;
}

function showError(error) {
  console.error(error);
  $("error").textContent = error?.message ?? String(error);
  if (error?.code) $("error").dataset.code = error.code;
  else delete $("error").dataset.code;
}

function clearError() {
  $("error").textContent = "";
  delete $("error").dataset.code;
}
