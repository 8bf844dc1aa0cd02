/* diplograph query page: YASGUI on this server's /sparql, the shipped queries one click away.
 *
 * Nothing leaves this host: the endpoint list holds only our endpoint, prefix
 * completion uses YASGUI's bundled list (no prefix.cc), and the class/property
 * completers (which call the LOV service) are switched off. Texts from the
 * queries' comments are put on the page with textContent.
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

  var list = document.getElementById("query-list");
  data.queries.forEach(function (query, i) {
    var li = el("li");
    var button = el("button", query.name, "query");
    button.setAttribute("type", "button");
    button.setAttribute("data-index", String(i));
    button.title = query.description;
    button.addEventListener("click", function () { open(query); });
    li.appendChild(button);
    li.appendChild(el("div", query.description, "description"));
    if (query.params.length) li.appendChild(el("div", "parameters: " + query.params.join("; "), "params"));
    list.appendChild(li);
  });
  window.diplograph = { yasgui: yasgui, open: open, queries: data.queries };
})();
