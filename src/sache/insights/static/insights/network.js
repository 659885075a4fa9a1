// Search, focus and zoom for the collaboration network drawn by the server.
(function () {
  "use strict";
  function init() {
    var svg = document.getElementById("network");
    if (!svg) { return; }
    var search = document.getElementById("network-search");
    var status = document.getElementById("network-status");
    var circles = Array.prototype.slice.call(svg.querySelectorAll("circle"));
    var lines = Array.prototype.slice.call(svg.querySelectorAll("line"));
    var viewBox = svg.getAttribute("viewBox").split(" ").map(Number);
    var original = viewBox.slice();

    function setViewBox() { svg.setAttribute("viewBox", viewBox.join(" ")); }
    function clearFocus() {
      svg.classList.remove("focused");
      circles.forEach(function (c) { c.classList.remove("near", "selected"); });
      lines.forEach(function (l) { l.classList.remove("near"); });
      status.textContent = "";
    }
    function focusOn(id) {
      clearFocus();
      var neighbours = {};
      neighbours[id] = true;
      lines.forEach(function (l) {
        if (l.dataset.source === id || l.dataset.target === id) {
          l.classList.add("near");
          neighbours[l.dataset.source] = true;
          neighbours[l.dataset.target] = true;
        }
      });
      var name = "";
      circles.forEach(function (c) {
        if (neighbours[c.dataset.id]) { c.classList.add("near"); }
        if (c.dataset.id === id) { c.classList.add("selected"); name = c.dataset.name; }
      });
      svg.classList.add("focused");
      status.textContent = name + ": " + (Object.keys(neighbours).length - 1) + " " + (document.documentElement.lang === "pl" ? "partnerów" : "partners");
    }
    function focusByName(name) {
      var wanted = name.trim().toLowerCase();
      var match = circles.filter(function (c) { return c.dataset.name.toLowerCase() === wanted; })[0]
        || circles.filter(function (c) { return wanted && c.dataset.name.toLowerCase().indexOf(wanted) !== -1; })[0];
      if (match) { focusOn(match.dataset.id); } else { clearFocus(); }
    }
    circles.forEach(function (c) { c.addEventListener("click", function () { focusOn(c.dataset.id); }); });
    search.addEventListener("change", function () { focusByName(search.value); });
    // Enter highlights a name already in the picture; otherwise the form asks the server,
    // which searches the whole network.
    search.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") { return; }
      var wanted = search.value.trim().toLowerCase();
      var shown = circles.some(function (c) { return wanted && c.dataset.name.toLowerCase().indexOf(wanted) !== -1; });
      if (shown) { event.preventDefault(); focusByName(search.value); }
    });
    document.getElementById("network-reset").addEventListener("click", function () {
      search.value = ""; clearFocus(); viewBox = original.slice(); setViewBox();
    });
    function zoom(factor) {
      var cx = viewBox[0] + viewBox[2] / 2, cy = viewBox[1] + viewBox[3] / 2;
      viewBox[2] *= factor; viewBox[3] *= factor;
      viewBox[0] = cx - viewBox[2] / 2; viewBox[1] = cy - viewBox[3] / 2;
      setViewBox();
    }
    document.getElementById("network-zoom-in").addEventListener("click", function () { zoom(0.75); });
    document.getElementById("network-zoom-out").addEventListener("click", function () { zoom(1 / 0.75); });
    var dragging = null;
    svg.addEventListener("pointerdown", function (event) { dragging = { x: event.clientX, y: event.clientY }; });
    window.addEventListener("pointerup", function () { dragging = null; });
    svg.addEventListener("pointermove", function (event) {
      if (!dragging) { return; }
      var scale = viewBox[2] / svg.clientWidth;
      viewBox[0] -= (event.clientX - dragging.x) * scale;
      viewBox[1] -= (event.clientY - dragging.y) * scale;
      dragging = { x: event.clientX, y: event.clientY };
      setViewBox();
    });
    var focused = svg.querySelector("circle.focus");
    if (focused) { focusOn(focused.dataset.id); } else if (search.value) { focusByName(search.value); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
