// First-party reading events: which article this browser opened and how far it was read.
// Two small beacons to this site only (on open, and when the page is hidden with more read).
// Nothing is sent when the browser asks not to be tracked (Do-Not-Track or GPC).
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.getAttribute("data-reading-url");
  var article = document.querySelector("article[data-article-id]");
  if (!url || !article || !navigator.sendBeacon) { return; }
  var dnt = navigator.doNotTrack === "1" || window.doNotTrack === "1" || navigator.msDoNotTrack === "1";
  if (dnt || navigator.globalPrivacyControl === true) { return; }
  var id = article.getAttribute("data-article-id");
  var body = article.querySelector(".article-body") || article;
  var deepest = 0;
  var sent = -1;
  function depth() {
    var box = body.getBoundingClientRect();
    if (box.height <= 0) { return 0; }
    var seen = (window.innerHeight - box.top) / box.height;
    return Math.max(0, Math.min(100, Math.round(seen * 100)));
  }
  function send() {
    deepest = Math.max(deepest, depth());
    if (deepest <= sent) { return; }
    var data = new URLSearchParams();
    data.set("artikel", id);
    data.set("kedalaman", String(deepest));
    if (navigator.sendBeacon(url, data)) { sent = deepest; }
  }
  var last = 0;
  window.addEventListener("scroll", function () {
    var now = Date.now();
    if (now - last < 250) { return; }
    last = now;
    deepest = Math.max(deepest, depth());
  }, { passive: true });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") { send(); }
  });
  window.addEventListener("pagehide", send);
  send();
})();
