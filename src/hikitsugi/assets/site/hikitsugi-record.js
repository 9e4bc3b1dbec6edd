/* 記録 mode of a printable checklist sheet (print/checklists/ID.html in the site).
 *
 * Staff tick the lines, choose 実施者 and 確認者 from the roster embedded at build time, note
 * exceptions per line, then save a run file (format v1.1 records/runs: a YAML download made from
 * a Blob, so it works over file:// with no server) and print the sheet as filled in.
 * No request leaves the page; every text from the data goes in through textContent.
 */
(function () {
  "use strict";

  var source = document.getElementById("hk-record-data");
  if (!source) { return; }
  var data = JSON.parse(source.textContent);
  var words = data.words;
  var ticked = {};      // item -> true
  var exceptions = {};  // item -> note

  function element(name, attributes, text) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function today() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function personSelect(name, optional) {
    var select = element("select", { name: name, "data-hk-record": name });
    select.appendChild(element("option", { value: "" }, optional ? words.nobody : words.choose));
    data.people.forEach(function (person) {
      var label = person.name + " (" + person.posts.join("、") + ")";
      select.appendChild(element("option", { value: person.id }, label));
    });
    return select;
  }

  function nameOf(id) {
    var found = data.people.filter(function (person) { return person.id === id; })[0];
    return found ? found.name : "";
  }

  // --- the bar: a toggle, then the form ---------------------------------------------------
  var bar = element("div", { "class": "hk-record-bar" });
  var toggle = element("button", { type: "button", "data-hk-record": "toggle" }, words.toggle);
  bar.appendChild(toggle);
  var form = element("div", { "class": "hk-record-form" });
  var date = element("input", { type: "date", name: "date", "data-hk-record": "date" });
  date.value = today();
  var performer = personSelect("performed_by", false);
  var checker = personSelect("checked_by", true);
  [[words.date, date], [words["performed-by"], performer], [words["checked-by"], checker]]
    .forEach(function (pair) {
      var label = element("label", {}, pair[0] + " ");
      label.appendChild(pair[1]);
      form.appendChild(label);
    });
  var buttons = element("p", {});
  var save = element("button", { type: "button", "data-hk-record": "save", title: words.where }, words.save);
  var print = element("button", { type: "button", "data-hk-record": "print" }, words.print);
  buttons.appendChild(save);
  buttons.appendChild(print);
  form.appendChild(buttons);
  var status = element("p", { "class": "hk-record-status", role: "status", "data-hk-record": "status" });
  form.appendChild(status);
  bar.appendChild(form);
  document.body.insertBefore(bar, document.body.firstChild);

  toggle.addEventListener("click", function () {
    var on = document.body.classList.toggle("hk-recording");
    toggle.textContent = on ? words["toggle-off"] : words.toggle;
  });

  // --- the lines: tick boxes and exception notes ------------------------------------------
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-item]"));

  function exceptionRow(row, item) {
    var next = row.nextElementSibling;
    if (next && next.classList.contains("hk-exception")) { return next; }
    var line = element("tr", { "class": "hk-exception hk-exception--empty", "data-exception-for": item });
    line.appendChild(element("td", {}));
    var cell = element("td", { colspan: String(row.children.length - 1) }, words["exception-label"] + ": ");
    var input = element("input", { type: "text", size: "60", "data-hk-exception-note": item, placeholder: words["exception-prompt"] });
    var text = element("span", { "class": "hk-exception-text" });
    input.addEventListener("input", function () {
      var note = input.value.replace(/\s+/g, " ").trim();
      if (note) { exceptions[item] = note; } else { delete exceptions[item]; }
      text.textContent = note;
      line.classList.toggle("hk-exception--empty", !note);
    });
    cell.appendChild(input);
    cell.appendChild(text);
    line.appendChild(cell);
    row.parentNode.insertBefore(line, row.nextSibling);
    return line;
  }

  rows.forEach(function (row) {
    var item = row.getAttribute("data-item");
    var box = row.querySelector(".box");
    if (box) {
      box.setAttribute("role", "checkbox");
      box.setAttribute("aria-checked", "false");
      box.addEventListener("click", function () {
        if (!document.body.classList.contains("hk-recording")) { return; }
        ticked[item] = !ticked[item];
        box.classList.toggle("hk-ticked", ticked[item]);
        box.setAttribute("aria-checked", ticked[item] ? "true" : "false");
      });
    }
    var button = element("button", { type: "button", "class": "hk-record-exception-button", "data-hk-exception": item }, words.exception);
    button.addEventListener("click", function () {
      exceptionRow(row, item).querySelector("input").focus();
    });
    row.children[1].appendChild(button);
  });

  // --- the sign fields of the sheet, filled in for printing -------------------------------
  function fillSheet() {
    var values = { date: date.value, performed_by: nameOf(performer.value), checked_by: nameOf(checker.value) };
    Object.keys(values).forEach(function (field) {
      var cell = document.querySelector('td[data-field="' + field + '"]');
      if (!cell) { return; }
      if (!cell.hasAttribute("data-blank")) { cell.setAttribute("data-blank", cell.textContent); }
      cell.textContent = values[field] || cell.getAttribute("data-blank");
    });
  }
  [date, performer, checker].forEach(function (input) { input.addEventListener("change", fillSheet); });

  // --- the run file -----------------------------------------------------------------------
  function quoted(text) {
    // a JSON string is a YAML double-quoted scalar; the two line separators are escaped too
    return JSON.stringify(text).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  }

  function scalar(item) {
    return /^[0-9]+$/.test(item) ? item : quoted(item);
  }

  function problem() {
    if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(date.value)) { return words["need-date"]; }
    if (!performer.value) { return words["need-performer"]; }
    var missing = rows.filter(function (row) {
      var item = row.getAttribute("data-item");
      return !ticked[item] && !exceptions[item];
    }).length;
    if (missing) { return words.unticked.replace("{count}", String(missing)); }
    if (checker.value && checker.value === performer.value) { return words["same-person"]; }
    return "";
  }

  function runText() {
    var lines = [
      "checklist: " + data.checklist,
      "date: " + date.value,
      "performed_by: " + performer.value
    ];
    if (checker.value) { lines.push("checked_by: " + checker.value); }
    if (data.revision) { lines.push("revision: " + data.revision); }
    var noted = rows.map(function (row) { return row.getAttribute("data-item"); })
      .filter(function (item) { return exceptions[item]; });
    if (noted.length) {
      lines.push("exceptions:");
      noted.forEach(function (item) {
        lines.push("  - item: " + scalar(item));
        lines.push("    note: " + quoted(exceptions[item]));
      });
    }
    return lines.join("\n") + "\n";
  }

  save.addEventListener("click", function () {
    var wrong = problem();
    if (wrong) { status.textContent = wrong; return; }
    var name = date.value + "-" + data.checklist + ".yml";
    var blob = new Blob([runText()], { type: "text/yaml;charset=utf-8" });
    var link = element("a", { download: name });
    link.href = URL.createObjectURL(blob);
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    status.textContent = words.saved.replace("{file}", name);
  });

  print.addEventListener("click", function () {
    fillSheet();
    window.print();
  });
}());
