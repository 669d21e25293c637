/* doc-control registers: sort a table by a click on its heading, and export the rows a
   filter shows as CSV. Self-contained: the intranet site loads nothing from outside. */
(function () {
  "use strict";

  function cellKey(row, index) {
    var cell = row.cells[index];
    if (!cell) { return ""; }
    var key = cell.getAttribute("data-sort");
    return key !== null ? key : cell.textContent.trim();
  }

  // Numbers as numbers, "—" (nothing) last, the rest as Chinese-aware text (ids, dates).
  function compare(a, b) {
    var blankA = a === "" || a === "—", blankB = b === "" || b === "—";
    if (blankA || blankB) { return blankA === blankB ? 0 : (blankA ? 1 : -1); }
    var na = Number(a), nb = Number(b);
    if (!isNaN(na) && !isNaN(nb)) { return na - nb; }
    return a.localeCompare(b, "zh-CN", { numeric: true });
  }

  function sortable(table) {
    if (table.getAttribute("data-dc-sortable")) { return; }
    table.setAttribute("data-dc-sortable", "1");
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    var body = table.tBodies[0];
    Array.prototype.forEach.call(heads, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "dc-sort";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.forEach(function (row, i) { row.setAttribute("data-dc-order", i); });
        rows.sort(function (x, y) {
          var c = compare(cellKey(x, index), cellKey(y, index));
          if (!ascending) { c = -c; }
          // A stable sort: equal keys keep their order (level, then id).
          return c || Number(x.getAttribute("data-dc-order")) - Number(y.getAttribute("data-dc-order"));
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function csvCell(text) {
    // A cell Excel would run as a formula is written as text.
    if (/^[=+\-@\t\r]/.test(text)) { text = "'" + text; }
    return /[",\r\n]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
  }

  function exportShown(button) {
    var table = document.getElementById(button.getAttribute("data-for"));
    if (!table) { return; }
    var lines = [];
    var head = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return csvCell(th.textContent.trim()); });
    lines.push(head.join(","));
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      if (row.hidden) { return; }
      lines.push(Array.prototype.map.call(row.cells, function (td) { return csvCell(td.textContent.trim()); }).join(","));
    });
    // UTF-8 with a byte-order mark, so that Excel reads the Chinese as Chinese.
    var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = button.getAttribute("data-name") || "register.csv";
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  function init() {
    document.querySelectorAll("table.dc-sortable").forEach(sortable);
    document.querySelectorAll("button.dc-export").forEach(function (button) {
      if (button.getAttribute("data-dc-ready")) { return; }
      button.setAttribute("data-dc-ready", "1");
      button.addEventListener("click", function () { exportShown(button); });
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(init);  // mkdocs-material instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
