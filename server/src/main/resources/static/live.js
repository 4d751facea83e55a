// Live state on the home and device pages: the server's /live stream (Server-Sent Events) says
// what changed, and this puts it on the page. No build step; the forms work without it.
(function () {
  'use strict';
  var main = document.querySelector('[data-live]');
  if (!main || !window.EventSource) {
    return;
  }
  // What a toggle button does next, and says, for each value of its attribute.
  var TOGGLES = {
    'switch': { on: ['off', 'Turn off'], off: ['on', 'Turn on'] },
    'lock': { locked: ['unlock', 'Unlock'], unlocked: ['lock', 'Lock'] }
  };

  function each(root, selector, fn) {
    Array.prototype.forEach.call(root.querySelectorAll(selector), fn);
  }

  function attr(name, value) {
    return '[' + name + '="' + (window.CSS && CSS.escape ? CSS.escape(value) : value) + '"]';
  }

  function applyDevice(change) {
    each(document, attr('data-device', change.device), function (card) {
      each(card, attr('data-attribute', change.attribute), function (node) {
        if (node.tagName === 'INPUT') {
          node.value = change.value;
        } else {
          node.textContent = change.value;
        }
      });
      each(card, attr('data-changed', change.attribute), function (node) {
        node.textContent = change.changed;
      });
      each(card, '[data-changed=""]', function (node) {
        node.textContent = change.changed;
      });
      var toggle = TOGGLES[change.attribute] && TOGGLES[change.attribute][change.value];
      if (toggle) {
        each(card, 'button' + attr('data-toggle', change.attribute), function (button) {
          button.value = toggle[0];
          button.textContent = toggle[1];
          button.setAttribute('aria-label', toggle[1] + ' ' + (card.getAttribute('data-label') || ''));
        });
      }
    });
    each(document, 'tbody' + attr('data-events', change.device), function (body) {
      var row = document.createElement('tr');
      [change.event.when, change.event.attribute, change.event.value].forEach(function (text) {
        var cell = document.createElement('td');
        cell.textContent = text;
        row.appendChild(cell);
      });
      body.insertBefore(row, body.firstChild);
      var none = document.getElementById('no-events');
      if (none) {
        none.remove();
      }
    });
  }

  function applyMode(change) {
    each(document, attr('data-location', change.location), function (section) {
      each(section, 'select[data-mode]', function (select) {
        select.value = change.mode;
      });
    });
  }

  var source = new EventSource(main.getAttribute('data-live'));
  source.addEventListener('device', function (e) {
    applyDevice(JSON.parse(e.data));
  });
  source.addEventListener('mode', function (e) {
    applyMode(JSON.parse(e.data));
  });
  source.addEventListener('open', function () {
    document.documentElement.setAttribute('data-live-open', 'true');
  });
})();
