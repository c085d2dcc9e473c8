// Article page: copy link, Web Share. (Reading events: recommendations/reading.js.)
(function () {
  "use strict";
  // Reading history used to live in localStorage; it is now first-party on the server,
  // visible and deletable at /untuk-anda/riwayat/. Leave nothing behind in the browser.
  try { localStorage.removeItem("warta:baca"); } catch (e) { /* storage disabled */ }
  var copy = document.querySelector(".share-copy");
  if (copy && navigator.clipboard) {
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(copy.getAttribute("data-copy-url")).then(function () {
        copy.textContent = copy.getAttribute("data-msg-copied");
      });
    });
  }
  var native = document.querySelector(".share-native");
  if (native && navigator.share) {
    native.hidden = false;
    native.addEventListener("click", function () {
      navigator.share({ title: native.getAttribute("data-share-title"), url: native.getAttribute("data-share-url") });
    });
  }
})();
