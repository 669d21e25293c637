/* doc-control redlines: what changed between two revisions, computed in the browser.
   Lines are matched first; inside a changed run the comparison is by character for
   Chinese and by word for Latin text, as `doccontrol diff` does in a terminal. */
(function () {
  "use strict";
  var TOKEN = /[A-Za-z0-9_]+(?:[.'\u2019\-][A-Za-z0-9_]+)*|[ \t]+|\n|[\s\S]/g;

  function diff(a, b) {
    // Longest common subsequence; trims the common ends first so typical edits stay small.
    var start = 0, endA = a.length, endB = b.length, out = [], i, j;
    while (start < endA && start < endB && a[start] === b[start]) { start++; }
    while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
    var n = endA - start, m = endB - start;
    for (i = 0; i < start; i++) { out.push(["=", a[i]]); }
    if (n * m > 4000000) {
      for (i = start; i < endA; i++) { out.push(["-", a[i]]); }
      for (j = start; j < endB; j++) { out.push(["+", b[j]]); }
    } else {
      var w = m + 1, t = new Uint32Array((n + 1) * w);
      for (i = n - 1; i >= 0; i--) {
        for (j = m - 1; j >= 0; j--) {
          t[i * w + j] = a[start + i] === b[start + j] ? t[(i + 1) * w + j + 1] + 1
            : Math.max(t[(i + 1) * w + j], t[i * w + j + 1]);
        }
      }
      i = 0; j = 0;
      while (i < n || j < m) {
        if (i < n && j < m && a[start + i] === b[start + j]) { out.push(["=", a[start + i]]); i++; j++; }
        else if (j < m && (i === n || t[i * w + j + 1] >= t[(i + 1) * w + j])) { out.push(["+", b[start + j]]); j++; }
        else { out.push(["-", a[start + i]]); i++; }
      }
    }
    for (i = endA; i < a.length; i++) { out.push(["=", a[i]]); }
    return out;
  }

  function render(target, oldText, newText) {
    var lines = diff(oldText.split("\n"), newText.split("\n"));
    var frag = document.createDocumentFragment();
    var k = 0;
    function add(tag, text) {
      var el = document.createElement(tag);
      el.textContent = text;
      frag.appendChild(el);
    }
    while (k < lines.length) {
      if (lines[k][0] === "=") { add("span", lines[k][1] + "\n"); k++; continue; }
      var gone = [], came = [];
      while (k < lines.length && lines[k][0] !== "=") {
        (lines[k][0] === "-" ? gone : came).push(lines[k][1]);
        k++;
      }
      var parts = diff((gone.join("\n")).match(TOKEN) || [], (came.join("\n")).match(TOKEN) || []);
      parts.forEach(function (p) { add(p[0] === "=" ? "span" : p[0] === "-" ? "del" : "ins", p[1]); });
      add("span", "\n");
    }
    target.appendChild(frag);
  }

  var target = document.getElementById("dc-redline");
  if (target) {
    render(target, JSON.parse(document.getElementById("dc-old").textContent),
           JSON.parse(document.getElementById("dc-new").textContent));
  }
})();
