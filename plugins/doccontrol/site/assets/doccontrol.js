/* doc-control: register filters, and the uncontrolled-copy mark and print date on printouts. */
(function () {
  "use strict";

  var TEXT = {
    zh: { mark: "非受控文件", printed: "打印日期", check: "现行版本请以内网为准：",
          margin: "非受控文件 UNCONTROLLED COPY", page: "第 ", pageEnd: " 页" },
    en: { mark: "UNCONTROLLED COPY", printed: "printed", check: "Check the current revision at ",
          margin: "UNCONTROLLED COPY", page: "Page ", pageEnd: "" }
  };

  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  // The @page margin boxes of doccontrol.css read these on every printed sheet.
  function quoted(text) { return "\"" + text.replace(/["\\]/g, "") + "\""; }

  function printMark() {
    var content = document.querySelector(".md-content__inner");
    if (!content) { return; }
    var lang = (document.documentElement.lang || "zh").slice(0, 2) === "en" ? "en" : "zh";
    var t = TEXT[lang];
    var mark = document.querySelector(".dc-print-mark");
    if (!mark) {
      mark = document.createElement("div");
      mark.className = "dc-print-mark";
      content.insertBefore(mark, content.firstChild);
    }
    var block = document.querySelector("table.dc-control");
    var id = block ? block.getAttribute("data-doc-id") + " " + (block.getAttribute("data-revision") || "—") : "";
    var printed = t.printed + " " + today();
    var root = document.documentElement.style;
    root.setProperty("--dc-doc", quoted(id ? id + " · " : ""));
    root.setProperty("--dc-printed", quoted(printed));
    // The margin boxes of doccontrol.css: in the page's language (their default is Chinese).
    root.setProperty("--dc-mark", quoted(t.margin));
    root.setProperty("--dc-page", quoted(t.page));
    root.setProperty("--dc-page-end", quoted(t.pageEnd));
    mark.textContent = t.mark + " · " + printed + (id ? " · " + id : "") + " · " + t.check + window.location.href;
  }

  function filters() {
    var bar = document.querySelector(".dc-filters");
    if (!bar) { return; }
    var table = document.getElementById(bar.getAttribute("data-for"));
    var count = bar.querySelector(".dc-count");
    var selects = bar.querySelectorAll("select[data-filter]");
    function apply() {
      var shown = 0;
      table.querySelectorAll("tbody tr").forEach(function (row) {
        var ok = true;
        selects.forEach(function (s) {
          if (s.value && row.getAttribute("data-" + s.getAttribute("data-filter")) !== s.value) { ok = false; }
        });
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      if (count) { count.textContent = count.getAttribute("data-template").replace("{n}", shown); }
    }
    selects.forEach(function (s) { s.addEventListener("change", apply); });
  }

  function init() { printMark(); filters(); }
  window.addEventListener("beforeprint", printMark);
  if (typeof document$ !== "undefined") {
    document$.subscribe(init);  // mkdocs-material instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
