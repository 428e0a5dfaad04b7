// Sort and filter tables marked "sortable" in the browser (no server needed), and small
// accessibility fixes to the theme's markup.
(function () {
  "use strict";
  function cellText(row, i) {
    var cell = row.cells[i];
    return cell ? cell.textContent.trim() : "";
  }
  function setup(table) {
    var head = table.tHead, body = table.tBodies[0];
    if (!head || !body) return;
    var tools = document.createElement("div");
    tools.className = "table-tools";
    var label = document.createElement("label");
    var id = (table.id || "table") + "-filter";
    label.htmlFor = id;
    label.textContent = "筛选：";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.placeholder = "输入法院、案号、法域、关键词…";
    var count = document.createElement("span");
    count.setAttribute("aria-live", "polite");
    tools.appendChild(label); tools.appendChild(input); tools.appendChild(count);
    table.parentNode.insertBefore(tools, table);
    function update() {
      var q = input.value.trim().toLowerCase(), shown = 0;
      Array.prototype.forEach.call(body.rows, function (row) {
        var hit = !q || row.textContent.toLowerCase().indexOf(q) !== -1;
        row.hidden = !hit;
        if (hit) shown++;
      });
      count.textContent = "显示 " + shown + " / " + body.rows.length;
    }
    input.addEventListener("input", update);
    update();
    Array.prototype.forEach.call(head.rows[0].cells, function (th, i) {
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(head.rows[0].cells, function (o) { o.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellText(a, i), y = cellText(b, i);
          return asc ? x.localeCompare(y, "zh-CN") : y.localeCompare(x, "zh-CN");
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }
  // The theme's sidebar toggles are <summary> elements with only an icon: give them a name
  // that screen readers can announce (axe: summary-name).
  function nameToggles() {
    Array.prototype.forEach.call(document.querySelectorAll("summary"), function (s) {
      if (!s.textContent.trim() && !s.getAttribute("aria-label")) {
        s.setAttribute("aria-label", "展开或收起子目录");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), setup);
    nameToggles();
  });
})();
