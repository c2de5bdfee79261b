// Filters by status and check. The page is complete without this script.
(function () {
  "use strict";
  document.body.classList.add("js");
  var boxes = document.querySelectorAll("#filters input[type=checkbox]");
  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    var filtering = Array.prototype.some.call(boxes, function (b) { return !b.checked; });
    document.body.classList.toggle("filtering", filtering);
    document.querySelectorAll(".claim").forEach(function (el) {
      el.classList.toggle("off", on["status:" + el.dataset.status] === false);
    });
    document.querySelectorAll(".finding").forEach(function (el) {
      el.classList.toggle("off", on["check:" + el.dataset.check] === false);
    });
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  function mark() {
    document.querySelectorAll(".claim.targeted").forEach(function (el) { el.classList.remove("targeted"); });
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && el.classList.contains("claim")) { el.classList.add("targeted"); }
  }
  window.addEventListener("hashchange", mark);
  mark();
})();
