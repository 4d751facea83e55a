// The console's source editor: keeps the line numbers beside the text area right while one types
// (without this script they are right for the source as the page came). No build step.
(function () {
  'use strict';
  Array.prototype.forEach.call(document.querySelectorAll('.editor'), function (editor) {
    var area = editor.querySelector('textarea');
    var gutter = editor.querySelector('.gutter');
    if (!area || !gutter) {
      return;
    }
    area.addEventListener('input', function () {
      var lines = area.value.split(/\r\n|\r|\n/).length;
      while (gutter.children.length < lines) {
        var n = document.createElement('span');
        n.textContent = String(gutter.children.length + 1);
        gutter.appendChild(n);
      }
      while (gutter.children.length > lines) {
        gutter.removeChild(gutter.lastChild);
      }
      area.rows = Math.max(16, lines + 1);
    });
  });
}());
