// The developer console's live log: reads the SmartApp's app log stream (Server-Sent Events from
// /api/smartapps/{id}/logs/stream) with the filters chosen, colours each line by level, and can
// pause (the stream is closed; resuming goes on from the last line seen, so nothing is missed).
// No build step. Every string of the log is the app's or its callers': it goes in as text, never
// as markup (textContent only).
(function () {
  'use strict';
  var main = document.querySelector('[data-log-stream]');
  var list = document.getElementById('log-lines');
  if (!main || !list) {
    return;
  }
  var state = document.getElementById('log-state');
  if (!window.EventSource) {
    state.textContent = 'This browser cannot read the live log';
    return;
  }
  var MAX_LINES = 2000;
  var streamUrl = main.getAttribute('data-log-stream');
  var errorPage = main.getAttribute('data-error-page');
  var installation = document.getElementById('log-installation');
  var level = document.getElementById('log-level');
  var pause = document.getElementById('log-pause');
  var clear = document.getElementById('log-clear');
  var source = null;
  var lastId = null;
  var paused = false;

  function say(text) {
    state.textContent = text;
  }

  function span(cls, text) {
    var node = document.createElement('span');
    node.className = cls;
    node.textContent = text == null ? '' : String(text);
    return node;
  }

  function time(value) {
    var d = new Date(value);
    return isNaN(d.getTime()) ? String(value) : d.toISOString().replace('T', ' ').replace('Z', ' UTC');
  }

  function show(line) {
    var item = document.createElement('li');
    var lvl = String(line.level || 'info').replace(/[^a-z]/g, '');
    item.className = 'log-' + lvl;
    item.appendChild(span('log-time', time(line.time)));
    item.appendChild(span('log-level', lvl));
    item.appendChild(span('log-installation', line.installationId ? String(line.installationId).slice(0, 8) : ''));
    item.appendChild(span('log-message', line.message));
    if (line.reference) {
      var link = document.createElement('a');
      link.href = errorPage + encodeURIComponent(line.reference);
      link.textContent = String(line.reference);
      item.appendChild(link);
    }
    if (line.installationId) {
      item.setAttribute('data-installation', String(line.installationId));
    }
    list.appendChild(item);
    while (list.childElementCount > MAX_LINES) {
      list.removeChild(list.firstElementChild);
    }
  }

  function url(cursor) {
    var query = [];
    if (installation.value) {
      query.push('installation=' + encodeURIComponent(installation.value));
    }
    if (level.value && level.value !== 'trace') {
      query.push('level=' + encodeURIComponent(level.value));
    }
    if (cursor) {
      query.push('cursor=' + encodeURIComponent(cursor));
    }
    return streamUrl + (query.length ? '?' + query.join('&') : '');
  }

  function close() {
    if (source) {
      source.close();
      source = null;
    }
  }

  function open(cursor) {
    close();
    var es = new EventSource(url(cursor));
    source = es;
    es.addEventListener('open', function () {
      if (source === es) {
        say('Live');
        main.setAttribute('data-log-open', 'true');
      }
    });
    es.addEventListener('line', function (e) {
      if (source !== es) {
        return;
      }
      lastId = e.lastEventId || lastId;
      try {
        show(JSON.parse(e.data));
      } catch (ignored) {
        // a line that is not JSON is not one of ours: left out
      }
    });
    es.addEventListener('error', function () {
      if (source === es) {
        say(es.readyState === EventSource.CLOSED ? 'Disconnected: reload the page' : 'Reconnecting…');
      }
    });
  }

  function restart() {
    // new filters: the newest lines that match, then live
    lastId = null;
    list.textContent = '';
    if (!paused) {
      open(null);
    }
  }

  installation.addEventListener('change', restart);
  level.addEventListener('change', restart);
  clear.addEventListener('click', function () {
    list.textContent = '';
  });
  pause.addEventListener('click', function () {
    paused = !paused;
    pause.setAttribute('aria-pressed', paused ? 'true' : 'false');
    pause.textContent = paused ? 'Resume' : 'Pause';
    if (paused) {
      close();
      say('Paused');
    } else {
      open(lastId);
    }
  });
  say('Connecting…');
  open(null);
})();
