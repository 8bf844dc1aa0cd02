/* diplograph query page: YASGUI on this server's /sparql, the shipped queries one click away.
 *
 * Nothing leaves this host: the endpoint list holds only our endpoint, prefix
 * completion uses YASGUI's bundled list (no prefix.cc), and the class/property
 * completers (which call the LOV service) are switched off. Texts from the
 * queries' comments are put on the page with textContent.
 *
 * A query with parameters opens a small form first: the values go to
 * /queries/NAME, which checks them as `diplograph query --param` does and
 * answers the query with a VALUES block (or says what is missing), so a query
 * never runs without the parameters it needs.
 */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("page-data").textContent);
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  Yasgui.Yasqe.defaults.autocompleters = ["variables", "prefixes"];
  Yasgui.Yasqe.defaults.prefixCcApi = null;
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: data.endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: data.endpoint }]; }, keys: [] },
    persistenceId: null,
    corsProxy: undefined,
    yasqe: { value: data.startQuery }
  });

  function open(query) {
    var tab = yasgui.getTab();
    tab.setQuery(query.text);
    tab.setName(query.name);
    document.title = query.name + " — diplograph";
  }

  function ask(query, li) {
    var shown = li.querySelector("form");
    if (shown) { shown.remove(); return; }
    var form = el("form", null, "params-form");
    query.params.forEach(function (p) {
      var label = el("label", p.name + (p.required ? " (required)" : ""));
      var input = el("input");
      input.name = p.name;
      input.placeholder = p.expects;
      input.title = p.description || p.expects;
      input.required = p.required;
      label.appendChild(input);
      form.appendChild(label);
    });
    var run = el("button", "Run");
    run.setAttribute("type", "submit");
    form.appendChild(run);
    var note = el("div", "", "error");
    form.appendChild(note);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var values = new URLSearchParams();
      query.params.forEach(function (p) {
        var value = form.elements.namedItem(p.name).value.trim();
        if (value) values.append(p.name, value);
      });
      fetch("queries/" + encodeURIComponent(query.name) + "?" + values.toString())
        .then(function (response) { return response.text().then(function (text) { return [response.ok, text]; }); })
        .then(function (answer) {
          note.textContent = answer[0] ? "" : answer[1];
          if (!answer[0]) return;
          open({ name: query.name, text: answer[1] });
          yasgui.getTab().query();
        });
    });
    li.appendChild(form);
    var first = form.querySelector("input");
    if (first) first.focus();
  }

  var list = document.getElementById("query-list");
  data.queries.forEach(function (query, i) {
    var li = el("li");
    var button = el("button", query.name, "query");
    button.setAttribute("type", "button");
    button.setAttribute("data-index", String(i));
    button.title = query.description;
    button.addEventListener("click", function () { if (query.params.length) ask(query, li); else open(query); });
    li.appendChild(button);
    li.appendChild(el("div", query.description, "description"));
    if (query.params.length) {
      li.appendChild(el("div", "parameters: " + query.params.map(function (p) {
        return p.name + (p.required ? " (required)" : "");
      }).join(", "), "params"));
    }
    list.appendChild(li);
  });
  window.diplograph = { yasgui: yasgui, open: open, queries: data.queries };
})();
