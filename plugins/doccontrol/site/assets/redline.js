/* doc-control redlines: shows a redline worked out at build time (site/redlines.py,
   the same diff as `doccontrol diff`). This script computes nothing: it fetches the
   document's data file, puts the revision's changed rows and its version's unchanged
   rows together, counts the marked changes and moves between them. */
(function () {
  "use strict";
  var script = document.currentScript;
  var view = document.getElementById("dc-redline");
  if (!view || !script) { return; }
  var root = new URL("../../", script.src);
  var params = new URLSearchParams(window.location.search);
  var doc = params.get("doc") || "", rev = params.get("rev") || "";
  var SAFE = /^[\w\u4e00-\u9fff][\w\u4e00-\u9fff.\-\/]*$/;
  if (!doc || !rev) { return; }
  if (!SAFE.test(doc) || !SAFE.test(rev) || doc.indexOf("..") >= 0 || rev.indexOf("..") >= 0) {
    view.textContent = view.getAttribute("data-missing");
    return;
  }

  function get(path) {
    return fetch(new URL(path, root)).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    });
  }

  function show(data, rows) {
    var body = data.body.map(function (part) {
      return typeof part === "string" ? part : rows.slice(part[0], part[1]).join("");
    }).join("");
    view.innerHTML = data.head + '<div class="dc-rl-text">' + body + "</div>";
    if (data.changes === 0) {
      view.insertAdjacentHTML("beforeend", '<p class="dc-rl-none">' + view.getAttribute("data-none") + "</p>");
    }
    document.title = data.title + " - " + document.title;
    var heading = document.querySelector(".md-content h1");
    if (heading) { heading.textContent = data.title; }
    controls(data.changes);
  }

  function controls(total) {
    var bar = document.getElementById("dc-rl-controls");
    var count = document.getElementById("dc-rl-count");
    var seen = {};
    view.querySelectorAll("[data-change]").forEach(function (el) { seen[el.getAttribute("data-change")] = 1; });
    count.textContent = String(total);
    count.setAttribute("data-marked", String(Object.keys(seen).length));
    bar.hidden = false;
    var at = 0;
    function go(step) {
      if (!total) { return; }
      at = at + step;
      if (at < 1) { at = total; }
      if (at > total) { at = 1; }
      view.querySelectorAll(".dc-rl-current").forEach(function (el) { el.classList.remove("dc-rl-current"); });
      var marks = view.querySelectorAll('[data-change="' + at + '"]');
      marks.forEach(function (el) { el.classList.add("dc-rl-current"); });
      if (marks.length) { marks[0].scrollIntoView({ block: "center" }); }
      count.textContent = at + " / " + total;
    }
    document.getElementById("dc-rl-next").addEventListener("click", function () { go(1); });
    document.getElementById("dc-rl-prev").addEventListener("click", function () { go(-1); });
    document.addEventListener("keydown", function (e) {
      if (e.target && /input|textarea/i.test(e.target.tagName)) { return; }
      if (e.key === "n" || e.key === "j") { go(1); }
      if (e.key === "p" || e.key === "k") { go(-1); }
    });
  }

  get("redline/d/" + doc + ".json").then(function (bundle) {
    var data = bundle.revisions[rev];
    show(data, bundle.versions[data.version].map(function (i) { return bundle.rows[i]; }));
  }).catch(function () {
    view.textContent = view.getAttribute("data-missing");
  });
})();
