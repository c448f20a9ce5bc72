// Click a column header marked data-sort to sort its table; the page works the same without this.
document.querySelectorAll("th[data-sort]").forEach(function (th) {
  th.tabIndex = 0;
  th.setAttribute("aria-sort", "none");
  function sort() {
    var table = th.closest("table"), body = table.tBodies[0], index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = (a.cells[index].getAttribute("data-value") || a.cells[index].textContent).trim();
      var y = (b.cells[index].getAttribute("data-value") || b.cells[index].textContent).trim();
      var nx = parseFloat(x.replace(/\./g, "").replace(",", ".")), ny = parseFloat(y.replace(/\./g, "").replace(",", "."));
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, "nl");
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    table.querySelectorAll("th[data-sort]").forEach(function (h) { h.setAttribute("aria-sort", "none"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  th.addEventListener("click", sort);
  th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
});
// A button marked data-print prints the page (the print stylesheet leaves out menus, forms and explanations).
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
