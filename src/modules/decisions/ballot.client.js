// Progressive enhancement of the ballot form: alternatives can be moved between "approve, in
// order", "abstain" and "disapprove" with buttons (keyboard, touch) or by dragging; the plain
// selects of the form stay the source of truth and are what gets submitted.
(function () {
  "use strict";
  var form = document.querySelector("form[data-ballot]");
  if (!form) return;
  var text = JSON.parse(form.getAttribute("data-text") || "{}");
  var max = Number(form.getAttribute("data-max")) || 1;
  var fields = Array.prototype.slice.call(form.querySelectorAll("[data-alternative]"));
  if (!fields.length) return;

  var board = document.createElement("div");
  board.className = "ballot-board";
  var columns = {};
  ["approve", "abstain", "disapprove"].forEach(function (kind) {
    var section = document.createElement("section");
    section.className = "ballot-column ballot-" + kind;
    var h = document.createElement("h2");
    h.textContent = text[kind];
    var list = document.createElement("ol");
    list.setAttribute("aria-label", text[kind]);
    list.addEventListener("dragover", function (e) {
      e.preventDefault();
    });
    list.addEventListener("drop", function (e) {
      e.preventDefault();
      var id = e.dataTransfer.getData("text/plain");
      var item = board.querySelector('[data-id="' + id + '"]');
      if (!item) return;
      var target = e.target.closest ? e.target.closest("li") : null;
      if (target && target.parentNode === list && target !== item) list.insertBefore(item, target);
      else list.appendChild(item);
      sync();
    });
    section.appendChild(h);
    section.appendChild(list);
    board.appendChild(section);
    columns[kind] = list;
  });

  function button(label, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "secondary small";
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }

  var items = fields.map(function (field) {
    var select = field.querySelector("select");
    var li = document.createElement("li");
    li.draggable = true;
    li.setAttribute("data-id", select.id);
    var title = document.createElement("span");
    title.className = "ballot-title";
    title.textContent = field.querySelector("label").textContent;
    li.appendChild(title);
    var tools = document.createElement("span");
    tools.className = "ballot-tools";
    tools.appendChild(
      button("↑", function () {
        move(li, -1);
      }),
    );
    tools.appendChild(
      button("↓", function () {
        move(li, 1);
      }),
    );
    tools.appendChild(
      button(text.toApprove, function () {
        columns.approve.appendChild(li);
        sync();
      }),
    );
    tools.appendChild(
      button(text.toAbstain, function () {
        columns.abstain.appendChild(li);
        sync();
      }),
    );
    tools.appendChild(
      button(text.toDisapprove, function () {
        columns.disapprove.appendChild(li);
        sync();
      }),
    );
    li.appendChild(tools);
    li.addEventListener("dragstart", function (e) {
      e.dataTransfer.setData("text/plain", select.id);
    });
    return { li: li, select: select, grade: Number(select.value) };
  });

  items
    .slice()
    .sort(function (a, b) {
      return b.grade - a.grade;
    })
    .forEach(function (it) {
      var kind = it.grade > 0 ? "approve" : it.grade < 0 ? "disapprove" : "abstain";
      columns[kind].appendChild(it.li);
    });

  function move(li, step) {
    var list = li.parentNode;
    if (step < 0 && li.previousElementSibling) list.insertBefore(li, li.previousElementSibling);
    if (step > 0 && li.nextElementSibling) list.insertBefore(li.nextElementSibling, li);
    sync();
    li.querySelector("button").focus();
  }

  function sync() {
    items.forEach(function (it) {
      var list = it.li.parentNode;
      var grade = 0;
      if (list === columns.approve)
        grade = max - Array.prototype.indexOf.call(list.children, it.li);
      else if (list === columns.disapprove) grade = -1;
      it.select.value = String(grade);
    });
  }

  fields.forEach(function (f) {
    f.hidden = true;
  });
  form.insertBefore(board, fields[0]);
  sync();
})();
