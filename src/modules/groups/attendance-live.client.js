// Keeps the attendance and quorum of a meeting up to date while organisers record it: every 10 s
// the parts marked data-live-part are fetched again as an HTML fragment and swapped in. Without
// this script the page shows the figures as they were when it was loaded.
(function () {
  var root = document.querySelector("[data-live-url]");
  if (!root || typeof window.fetch !== "function") return;
  var url = root.getAttribute("data-live-url");
  var busy = false;
  function swap(html) {
    var tpl = document.createElement("template");
    tpl.innerHTML = html;
    var parts = tpl.content.querySelectorAll("[data-live-part]");
    for (var i = 0; i < parts.length; i++) {
      var fresh = parts[i];
      var old = document.getElementById(fresh.id);
      if (!old || old.innerHTML === fresh.innerHTML) continue;
      if (old.contains(document.activeElement)) continue;
      old.replaceWith(fresh);
    }
  }
  function tick() {
    if (busy || document.visibilityState === "hidden") return;
    busy = true;
    window
      .fetch(url, { credentials: "same-origin", headers: { accept: "text/html" } })
      .then(function (res) {
        return res.ok ? res.text() : null;
      })
      .then(function (html) {
        if (html) swap(html);
      })
      .catch(function () {})
      .then(function () {
        busy = false;
      });
  }
  window.setInterval(tick, 10000);
})();
