// communique: select an event on the article page and highlight its evidence.
// Served by the app itself (CSP: script-src 'self'); no inline handlers.
(function () {
  "use strict";

  function segsFor(attr, id) {
    return Array.prototype.filter.call(document.querySelectorAll(".seg[" + attr + "]"), function (el) {
      return (el.getAttribute(attr) || "").split(" ").indexOf(id) >= 0;
    });
  }

  function clear() {
    document.querySelectorAll(".seg.active, .seg.q-active").forEach(function (el) {
      el.classList.remove("active", "q-active");
    });
    document.querySelectorAll(".ev-item.selected").forEach(function (el) { el.classList.remove("selected"); });
    document.querySelectorAll(".ev-detail").forEach(function (el) { el.hidden = true; });
  }

  function selectEvent(id, scroll) {
    var detail = document.getElementById("detail-" + id);
    if (!detail) { return false; }
    clear();
    var segs = segsFor("data-events", id);
    segs.forEach(function (el) { el.classList.add("active"); });
    detail.hidden = false;
    var empty = document.getElementById("detail-empty");
    if (empty) { empty.hidden = true; }
    document.querySelectorAll('.ev-item[data-event="' + id + '"]').forEach(function (el) { el.classList.add("selected"); });
    if (scroll && segs.length) { segs[0].scrollIntoView({ block: "center" }); }
    document.body.setAttribute("data-selected-event", id);
    return true;
  }

  function selectQuote(id, scroll) {
    var segs = segsFor("data-quotes", id);
    if (!segs.length) { return false; }
    clear();
    segs.forEach(function (el) { el.classList.add("q-active"); });
    if (scroll) { segs[0].scrollIntoView({ block: "center" }); }
    return true;
  }

  function fromHash(scroll) {
    var id = decodeURIComponent((location.hash || "").slice(1));
    var at = /^at-(\d+)-(\d+)$/.exec(id);
    if (at) {   // a character span (links from merged events and quotes of other pages)
      var sel = '[data-start="' + at[1] + '"][data-end="' + at[2] + '"]';
      var d = document.querySelector(".ev-detail" + sel);
      if (d) { selectEvent(d.getAttribute("data-event"), scroll); return; }
      var q = document.querySelector(".q-item" + sel);
      if (q) { selectQuote(q.getAttribute("data-quote"), scroll); }
      return;
    }
    if (/^E\d+$/.test(id)) { selectEvent(id, scroll); }
    else if (/^Q\d+$/.test(id)) { selectQuote(id, scroll); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!document.getElementById("article-text")) { return; }
    document.addEventListener("click", function (ev) {
      var item = ev.target.closest(".ev-item[data-event]");
      if (item) {
        ev.preventDefault();
        var id = item.getAttribute("data-event");
        history.replaceState(null, "", "#" + id);
        selectEvent(id, true);
        return;
      }
      var q = ev.target.closest(".q-item[data-quote]");
      if (q) {
        ev.preventDefault();
        history.replaceState(null, "", "#" + q.getAttribute("data-quote"));
        selectQuote(q.getAttribute("data-quote"), true);
        return;
      }
      var seg = ev.target.closest(".seg.ev");
      if (seg) {
        var ids = (seg.getAttribute("data-events") || "").split(" ").filter(Boolean);
        if (ids.length) {
          // cycle through the events covering this text on repeated clicks
          var cur = document.body.getAttribute("data-selected-event");
          var next = ids[(ids.indexOf(cur) + 1) % ids.length];
          history.replaceState(null, "", "#" + next);
          selectEvent(next, false);
        }
      }
    });
    window.addEventListener("hashchange", function () { fromHash(true); });
    fromHash(true);
  });
})();
