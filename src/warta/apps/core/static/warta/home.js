// Home page tabs: "Untuk Anda" loads separately so the page itself stays cacheable.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-tab]");
  var loaded = false;
  function show(targetId) {
    buttons.forEach(function (b) {
      var on = b.getAttribute("data-tab") === targetId;
      b.setAttribute("aria-selected", on ? "true" : "false");
      document.getElementById(b.getAttribute("data-tab")).hidden = !on;
    });
    if (targetId === "tab-untuk-anda" && !loaded) {
      loaded = true;
      var panel = document.getElementById(targetId);
      var read = [];
      try { read = JSON.parse(localStorage.getItem("warta:baca") || "[]"); } catch (e) { read = []; }
      var url = panel.getAttribute("data-for-you-url") + "?fragmen=1&baca=" + encodeURIComponent(read.join(","));
      fetch(url, { credentials: "same-origin" }).then(function (r) { return r.text(); }).then(function (html) {
        panel.insertAdjacentHTML("beforeend", html);
      });
    }
  }
  buttons.forEach(function (b) { b.addEventListener("click", function () { show(b.getAttribute("data-tab")); }); });
})();
