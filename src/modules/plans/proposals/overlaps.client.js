// Shows the projects that may overlap a proposal while it is filled in: the form's fields are
// sent (debounced) to the plan's overlaps address and the answer is listed under the form. The
// form works without it: its "check for similar projects" button asks the server the same.
(function () {
  "use strict";
  var form = document.querySelector("form[data-overlaps]");
  var box = document.getElementById("overlaps");
  if (!form || !box || !window.fetch || !window.URLSearchParams) return;
  var url = form.getAttribute("data-overlaps");
  var title = form.getAttribute("data-overlaps-title") || "";
  var timer = null;
  var last = "";

  function query() {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "_csrf" || el.type === "submit") return;
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) return;
      values[el.name] = values[el.name] ? values[el.name] + "," + el.value : el.value;
    });
    var params = new window.URLSearchParams();
    Object.keys(values).forEach(function (k) {
      if (/^(title|objectives|areaId|villages|wholeTambon|targets|budgetYear\d)$/.test(k))
        params.set(k, values[k]);
    });
    return params.toString();
  }

  function render(list) {
    while (box.firstChild) box.removeChild(box.firstChild);
    if (!list.length) return;
    var section = document.createElement("section");
    section.className = "overlaps";
    var h = document.createElement("h2");
    h.textContent = title;
    section.appendChild(h);
    var ul = document.createElement("ul");
    list.forEach(function (o) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = o.href;
      a.textContent = o.title;
      li.appendChild(a);
      var meta = document.createElement("span");
      meta.className = "muted";
      meta.textContent = " · " + o.meta;
      li.appendChild(meta);
      li.appendChild(document.createElement("br"));
      var small = document.createElement("small");
      small.textContent = o.shared;
      li.appendChild(small);
      ul.appendChild(li);
    });
    section.appendChild(ul);
    box.appendChild(section);
  }

  function check() {
    var q = query();
    if (q === last) return;
    last = q;
    window
      .fetch(url + "?" + q, { credentials: "same-origin", headers: { accept: "application/json" } })
      .then(function (r) {
        return r.ok ? r.json() : null;
      })
      .then(function (data) {
        if (data && q === last) render(data.overlaps || []);
      })
      .catch(function () {});
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, 400);
  }
  form.addEventListener("input", later);
  form.addEventListener("change", later);
})();
