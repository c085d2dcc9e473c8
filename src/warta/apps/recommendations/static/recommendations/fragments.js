// "Terkait" and "Populer sekarang": fetched after the cacheable page, when they come near
// the screen. Without JS (or on an error) the section keeps its plain link.
(function () {
  "use strict";
  function load(section) {
    fetch(section.getAttribute("data-fragment-url"), { credentials: "omit" })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
      .then(function (html) {
        var link = section.querySelector(".fragment-link");
        if (link) { link.remove(); }
        section.insertAdjacentHTML("beforeend", html);
      })
      .catch(function () { /* keep the link */ });
  }
  var sections = document.querySelectorAll("[data-fragment-url]");
  if (!("IntersectionObserver" in window)) {
    sections.forEach(load);
    return;
  }
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        observer.unobserve(entry.target);
        load(entry.target);
      }
    });
  }, { rootMargin: "400px" });
  sections.forEach(function (s) { observer.observe(s); });
})();
