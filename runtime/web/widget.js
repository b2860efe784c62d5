/*
 * 创业扶持政策助手 — web chat widget for the bot's Rasa socket.io channel
 * (runtime/channels/socketio.py). No framework; the only dependency is
 * socket.io-client 4.x from npm (runtime/web/package.json), served next to this file.
 *
 * Embed (docs/web-widget.md):
 *   <script src="http://HOST:8080/widget.js" data-server="http://HOST:5005" defer></script>
 * Attributes: data-server (Rasa, default: this page's host on port 5005),
 * data-socket-path (default /socket.io), data-open="true" (start opened),
 * data-greeting (message sent silently to start a new conversation; default
 * "/greet", "" for none).
 *
 * Safety: every text from the bot or the person is inserted with textContent,
 * never as HTML. The widget lives in a shadow root, so the host page's CSS and
 * the widget's do not mix.
 * Sessions: the server issues the session (a signed token, bound to the socket:
 * messages need no session id, they go to the socket's session); the token and
 * the conversation are kept in localStorage, the token is sent in
 * `session_request` after every (re)connect, and the conversation is drawn
 * again from localStorage after a reload (Rasa does not replay history).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || window.__cyzcWidgetLoaded) return;
  window.__cyzcWidgetLoaded = true;

  var TEXT = {
    title: "创业扶持政策助手",
    subtitle: { connecting: "正在连接…", online: "在线", offline: "连接已断开，正在重试…", failed: "无法连接到服务器" },
    placeholder: "说说您的身份、所在地和需求…",
    send: "发送",
    open: "打开创业扶持政策助手",
    close: "收起",
    reset: "新对话",
    resetTitle: "清空对话，重新开始",
    typing: "正在输入…",
    launcher: "政策咨询"
  };
  var MAX_STORED = 300;          // messages kept in localStorage
  var MAX_INPUT = 2000;          // characters per message (the bot reads the first 1000)

  var base = new URL(".", script.src).href;   // widget.js, widget.css and node_modules live here
  var data = script.dataset;
  var server = (data.server || (location.protocol + "//" + location.hostname + ":5005")).replace(/\/+$/, "");
  var socketPath = data.socketPath || "/socket.io";
  var greeting = data.greeting === undefined ? "/greet" : data.greeting;
  var storageKey = "cyzc-chat:" + server;

  // ---- storage -------------------------------------------------------------

  function load() {
    try {
      var saved = JSON.parse(localStorage.getItem(storageKey) || "null");
      if (saved && Array.isArray(saved.messages)) {
        return { sessionId: typeof saved.sessionId === "string" ? saved.sessionId : null,
                 messages: saved.messages.filter(validMessage), open: !!saved.open };
      }
    } catch (e) { /* storage disabled or corrupt: start afresh */ }
    return { sessionId: null, messages: [], open: false };
  }

  function save() {
    state.messages = state.messages.slice(-MAX_STORED);
    try {
      localStorage.setItem(storageKey, JSON.stringify(state));
    } catch (e) { /* storage full or disabled: the conversation still works */ }
  }

  function validMessage(m) {
    return m && (m.from === "user" || m.from === "bot") && typeof m.text === "string";
  }

  function cleanButtons(list) {
    if (!Array.isArray(list)) return [];
    return list.filter(function (b) {
      return b && typeof b.title === "string" && typeof b.payload === "string";
    }).map(function (b) { return { title: b.title, payload: b.payload }; });
  }

  var state = load();

  // ---- DOM (all text through textContent) ------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  var host = el("div");
  host.id = "cyzc-chat-widget";
  var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
  var css = el("link");
  css.rel = "stylesheet";
  css.href = base + "widget.css";
  root.appendChild(css);

  var launcher = el("button", "launcher", TEXT.launcher);
  launcher.type = "button";
  launcher.setAttribute("aria-label", TEXT.open);

  var panel = el("section", "panel");
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", TEXT.title);

  var header = el("header", "header");
  var heading = el("div", "heading");
  var title = el("h2", "title", TEXT.title);
  var status = el("div", "status", TEXT.subtitle.connecting);
  status.setAttribute("aria-live", "polite");
  heading.appendChild(title);
  heading.appendChild(status);
  var resetButton = el("button", "header-button reset", TEXT.reset);
  resetButton.type = "button";
  resetButton.title = TEXT.resetTitle;
  var closeButton = el("button", "header-button close", "×");
  closeButton.type = "button";
  closeButton.title = TEXT.close;
  closeButton.setAttribute("aria-label", TEXT.close);
  header.appendChild(heading);
  header.appendChild(resetButton);
  header.appendChild(closeButton);

  var log = el("div", "messages");
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "polite");

  var form = el("form", "composer");
  var input = el("input", "input");
  input.type = "text";
  input.placeholder = TEXT.placeholder;
  input.maxLength = MAX_INPUT;
  input.autocomplete = "off";
  input.setAttribute("aria-label", TEXT.placeholder);
  var sendButton = el("button", "send", TEXT.send);
  sendButton.type = "submit";
  form.appendChild(input);
  form.appendChild(sendButton);

  panel.appendChild(header);
  panel.appendChild(log);
  panel.appendChild(form);
  root.appendChild(launcher);
  root.appendChild(panel);

  var typing = el("div", "message bot typing", TEXT.typing);
  var typingTimer = null;

  function bubble(message) {
    var row = el("div", "message " + message.from);
    var text = el("div", "bubble", message.text);   // textContent: shown as text, never parsed
    row.appendChild(text);
    if (message.link) {          // the consultation summary: a link to the bot's /summary/<id> page
      var a = el("a", "summary-link", message.linkText || message.link);
      a.href = message.link;
      a.target = "_blank";
      a.rel = "noopener";
      row.appendChild(a);
    }
    if (message.image) {
      var img = el("img", "image");
      img.alt = "";
      img.src = message.image;
      row.appendChild(img);
    }
    return row;
  }

  function quickReplies(buttons) {
    var box = el("div", "quick-replies");
    buttons.forEach(function (b) {
      var button = el("button", "quick-reply", b.title);
      button.type = "button";
      button.addEventListener("click", function () { send(b.payload, b.title); });
      box.appendChild(button);
    });
    return box;
  }

  // The quick replies of the bot's latest turn (after the person's last message) are live.
  function render() {
    log.textContent = "";
    var lastUser = -1;
    state.messages.forEach(function (m, i) { if (m.from === "user") lastUser = i; });
    state.messages.forEach(function (m, i) {
      log.appendChild(bubble(m));
      if (m.from === "bot" && i > lastUser && m.buttons && m.buttons.length) {
        log.appendChild(quickReplies(m.buttons));
      }
    });
    if (typingTimer) log.appendChild(typing);
    log.scrollTop = log.scrollHeight;
  }

  function add(message) {
    state.messages.push(message);
    save();
    render();
  }

  function showTyping(on) {
    clearTimeout(typingTimer);
    typingTimer = on ? setTimeout(function () { showTyping(false); }, 30000) : null;
    render();
  }

  function setOpen(open) {
    state.open = open;
    host.classList.toggle("open", open);
    panel.hidden = !open;
    launcher.hidden = open;
    save();
    if (open) {
      log.scrollTop = log.scrollHeight;
      input.focus();
    }
  }

  // ---- socket ----------------------------------------------------------------

  var socket = null;
  var ready = false;       // session confirmed on the current connection
  var pending = [];        // messages typed before that
  var setStatus = function (key) {
    status.textContent = TEXT.subtitle[key];
    panel.setAttribute("data-status", key);
  };

  function emitMessage(text) {
    socket.emit("user_uttered", { message: text });   // the socket's session: the server bound it
  }

  function send(text, shown) {
    text = text.trim();
    if (!text) return;
    if (shown !== null) add({ from: "user", text: (shown || text).slice(0, MAX_INPUT) });
    showTyping(true);
    if (socket && ready) emitMessage(text);
    else pending.push(text);
  }

  function connect(io) {
    socket = io(server, { path: socketPath, reconnectionDelayMax: 10000 });
    setStatus("connecting");

    socket.on("connect", function () {
      ready = false;
      socket.emit("session_request", { session_id: state.sessionId });
    });

    socket.on("session_confirm", function (id) {
      var confirmed = typeof id === "string" ? id : (id && id.session_id);
      if (!confirmed) return;
      // a new session (the server did not know ours): start anew. The same one, now
      // signed ("<id>.<signature>", from a widget of before), keeps the conversation.
      if (state.sessionId && confirmed.split(".")[0] !== state.sessionId.split(".")[0]) state.messages = [];
      state.sessionId = confirmed;
      save();
      render();
      ready = true;
      setStatus("online");
      if (!state.messages.length && !pending.length && greeting) send(greeting, null);
      while (pending.length) emitMessage(pending.shift());
    });

    socket.on("bot_uttered", function (data) {
      if (!data || typeof data !== "object") return;
      var message = {
        from: "bot",
        text: typeof data.text === "string" ? data.text : "",
        buttons: cleanButtons(data.quick_replies || data.buttons)
      };
      var a = data.attachment;
      if (a && a.type === "image" && a.payload && /^https?:\/\//i.test(a.payload.src || "")) {
        message.image = a.payload.src;
      }
      var summary = data.summary;
      if (summary && /^[0-9a-f]{16}$/.test(summary.id || "")) {
        message.link = server + "/summary/" + summary.id;   // on the bot's server, whatever the page
        message.linkText = "打开咨询清单（可打印）";
      }
      if (!message.text && !message.buttons.length && !message.image && !message.link) return;
      clearTimeout(typingTimer);
      typingTimer = null;
      add(message);
    });

    socket.on("disconnect", function () { ready = false; setStatus("offline"); });
    socket.on("connect_error", function () { setStatus(socket.active ? "offline" : "failed"); });
  }

  function reset() {
    state = { sessionId: null, messages: [], open: true };
    pending = [];
    showTyping(false);
    save();
    render();
    if (socket && socket.connected) {
      ready = false;
      socket.emit("session_request", { session_id: null });
    }
  }

  // socket.io-client's UMD build sets window.io: load ours without taking the host page's.
  function loadSocketIo(done) {
    var theirs = Object.prototype.hasOwnProperty.call(window, "io") ? window.io : undefined;
    var tag = document.createElement("script");
    tag.src = base + "node_modules/socket.io-client/dist/socket.io.min.js";
    tag.async = true;
    tag.onload = function () {
      var ours = window.io;
      if (theirs === undefined) { try { delete window.io; } catch (e) { window.io = undefined; } }
      else window.io = theirs;
      done(ours);
    };
    tag.onerror = function () { setStatus("failed"); };
    document.head.appendChild(tag);
  }

  // ---- wiring --------------------------------------------------------------------

  var composing = false;
  input.addEventListener("compositionstart", function () { composing = true; });
  input.addEventListener("compositionend", function () { composing = false; });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (composing) return;          // Enter that only confirms an IME candidate
    var text = input.value;
    input.value = "";
    send(text);
    input.focus();
  });
  launcher.addEventListener("click", function () { setOpen(true); });
  closeButton.addEventListener("click", function () { setOpen(false); });
  resetButton.addEventListener("click", reset);

  function start() {
    document.body.appendChild(host);
    render();
    setOpen(data.open === "true" || state.open);
    loadSocketIo(connect);
  }

  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
