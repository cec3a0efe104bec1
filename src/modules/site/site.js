/* global document, HTMLDialogElement */
// Lightbox for photo grids: without this script every thumbnail is a plain link to its photo page.
(function () {
  var grids = document.querySelectorAll("[data-lightbox]");
  if (!grids.length || typeof HTMLDialogElement !== "function") return;
  var th = document.documentElement.lang === "th";
  var dlg = document.createElement("dialog");
  dlg.className = "lightbox";
  dlg.setAttribute("aria-label", th ? "ภาพขยาย" : "Enlarged photo");
  dlg.innerHTML =
    '<img alt=""><p><span></span><span>' +
    '<button type="button" data-d="-1">' +
    (th ? "← ก่อนหน้า" : "← Previous") +
    "</button> " +
    '<button type="button" data-d="1">' +
    (th ? "ถัดไป →" : "Next →") +
    "</button> " +
    '<button type="button" data-close>' +
    (th ? "ปิด" : "Close") +
    "</button></span></p>";
  document.body.appendChild(dlg);
  var img = dlg.querySelector("img");
  var cap = dlg.querySelector("span");
  var links = [];
  var at = 0;
  function show(i) {
    at = (i + links.length) % links.length;
    var a = links[at];
    img.src = a.getAttribute("data-large");
    img.alt = a.querySelector("img").alt;
    cap.textContent = a.getAttribute("data-caption") || img.alt;
  }
  grids.forEach(function (grid) {
    grid.addEventListener("click", function (e) {
      var a = e.target.closest("a[data-large]");
      if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button) return;
      e.preventDefault();
      links = Array.prototype.slice.call(grid.querySelectorAll("a[data-large]"));
      show(links.indexOf(a));
      dlg.showModal();
    });
  });
  dlg.addEventListener("click", function (e) {
    var b = e.target.closest("button");
    if (!b) return;
    if (b.hasAttribute("data-close")) dlg.close();
    else show(at + Number(b.getAttribute("data-d")));
  });
  dlg.addEventListener("keydown", function (e) {
    if (e.key === "ArrowLeft") show(at - 1);
    if (e.key === "ArrowRight") show(at + 1);
  });
})();
