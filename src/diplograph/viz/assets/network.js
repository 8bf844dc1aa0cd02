/* diplograph network page: draws the graph embedded in #graph-data with vis-network.
 *
 * Every text that comes from the data (names, positions, sentences, titles) is
 * put on the page with textContent or as a canvas label, never as HTML, and a
 * link is only made for an http(s) address: a release that names a person
 * "<script>" shows that text, nothing runs.
 */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function safeUrl(url) { return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null; }
  function fold(text) { return String(text || "").toLocaleLowerCase(); }

  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return { id: n.id, label: n.label, value: n.size, color: { background: n.color, border: "#555555",
             highlight: { background: n.color, border: "#000000" } }, shape: "dot" };
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    return { id: e.id, from: e.from, to: e.to, value: Math.max(e.weight, 1), label: e.label || undefined,
             dashes: e.weight === 0, color: { color: e.color || "#8899aa", highlight: "#222222" },
             font: { size: data.labelSize, align: "middle", strokeWidth: 3 } };
  }));
  var edgeById = {};
  data.edges.forEach(function (e) { edgeById[e.id] = e; });

  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    layout: { randomSeed: 42, improvedLayout: data.nodes.length < 150 },
    physics: { solver: "forceAtlas2Based", stabilization: { iterations: 300, fit: true } },
    interaction: { hover: true, tooltipDelay: 100, navigationButtons: false, keyboard: false,
                   multiselect: false },
    /* one label size for nodes and edges: vis-network would otherwise scale an edge's label with
       its weight (14 to 30 px), so a much-used MoU link shouted over the names */
    nodes: { scaling: { min: 8, max: 36, label: { enabled: false } },
             font: { size: data.labelSize, face: "Loma, Garuda, Tahoma, sans-serif" } },
    edges: { scaling: { min: 1, max: 10, label: { enabled: false } }, smooth: false }
  });
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: false });
    document.body.setAttribute("data-ready", "1");
  });
  if (!data.nodes.length) {
    var empty = document.getElementById("details");
    while (empty.firstChild) empty.removeChild(empty.firstChild);
    empty.appendChild(el("p", "Nothing to draw: no meeting matches these filters.", "hint"));
    document.body.setAttribute("data-ready", "1");
  }

  /* hover card */
  var tip = document.getElementById("tooltip");
  network.on("hoverNode", function (p) {
    var n = byId[p.node];
    clear(tip);
    tip.appendChild(el("strong", n.label));
    (n.details || []).forEach(function (line) { tip.appendChild(el("div", line)); });
    var at = p.pointer.DOM, box = container.getBoundingClientRect();
    tip.style.left = (box.left + at.x + 14) + "px";
    tip.style.top = (box.top + at.y + 14) + "px";
    tip.hidden = false;
  });
  network.on("blurNode", function () { tip.hidden = true; });
  network.on("dragStart", function () { tip.hidden = true; });

  /* side panel */
  var panel = document.getElementById("details");
  function dateText(m) { return m.end ? m.date + " – " + m.end : (m.date || "undated"); }
  function releaseLine(rid) {
    var r = data.releases[rid];
    var line = el("div", null, "source");
    if (!r) { line.textContent = "source: not recorded"; return line; }
    line.appendChild(el("span", "source: "));
    var text = r.id + (r.issued ? " (" + r.issued + ")" : "") + (r.title ? " — " + r.title : "");
    var url = safeUrl(r.url);
    if (url) {
      var a = el("a", text);
      a.setAttribute("href", url);
      a.setAttribute("target", "_blank");
      a.setAttribute("rel", "noopener noreferrer");
      line.appendChild(a);
    } else {
      line.appendChild(el("span", text));
    }
    return line;
  }
  function meetingItem(mid) {
    var m = data.events[mid];
    var li = el("li", null, "meeting");
    li.appendChild(el("div", dateText(m) + " · " + m.kind + (m.name ? " · " + m.name : ""), "what"));
    if (m.mode || m.status) li.appendChild(el("div", [m.status, m.mode].filter(Boolean).join(", "), "meta"));
    if (m.people.length) li.appendChild(el("div", "with: " + m.people.join(", "), "meta"));
    if (m.topics.length) li.appendChild(el("div", "topics: " + m.topics.join(", "), "topics"));
    m.evidence.forEach(function (ev) {
      li.appendChild(el("blockquote", ev.text, "evidence"));
      li.appendChild(releaseLine(ev.release));
    });
    if (!m.evidence.length) m.releases.forEach(function (r) { li.appendChild(releaseLine(r)); });
    return li;
  }
  function agreementItem(aid) {
    var a = data.agreements[aid];
    var li = el("li", null, "agreement");
    li.appendChild(el("div", a.kind + (a.status ? " — " + a.status : "") + (a.title ? ": " + a.title : ""), "what"));
    a.history.forEach(function (h) {
      var line = el("div", (h.date || "undated") + ": " + h.status, "meta");
      li.appendChild(line);
      if (h.release) li.appendChild(releaseLine(h.release));
    });
    a.evidence.forEach(function (ev) { li.appendChild(el("blockquote", ev.text, "evidence")); });
    return li;
  }
  function showEdge(id) {
    var e = edgeById[id];
    clear(panel);
    panel.appendChild(el("h2", byId[e.from].label + " — " + byId[e.to].label));
    panel.appendChild(el("p", e.summary, "summary"));
    var list = el("ol", null, "meetings");
    e.meetings.forEach(function (mid) { list.appendChild(meetingItem(mid)); });
    panel.appendChild(list);
    if (e.agreements.length) {
      panel.appendChild(el("h3", "Agreements"));
      var alist = el("ul", null, "agreements");
      e.agreements.forEach(function (aid) { alist.appendChild(agreementItem(aid)); });
      panel.appendChild(alist);
    }
  }
  function showNode(id) {
    var n = byId[id];
    clear(panel);
    panel.appendChild(el("h2", n.label));
    (n.details || []).forEach(function (line) { panel.appendChild(el("p", line)); });
    panel.appendChild(el("p", "Click a link to see the meetings and the sentences that report them.", "hint"));
  }
  network.on("click", function (p) {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });

  /* search */
  var search = document.getElementById("search");
  var found = document.getElementById("found");
  function matches(query) {
    var q = fold(query).trim();
    if (!q) return [];
    return data.nodes.filter(function (n) {
      return [n.label].concat(n.names || []).some(function (s) { return fold(s).indexOf(q) >= 0; });
    }).map(function (n) { return n.id; });
  }
  search.addEventListener("input", function () {
    var ids = matches(search.value);
    network.selectNodes(ids);
    found.textContent = search.value.trim() ? ids.length + " found" : "";
    if (ids.length === 1) network.focus(ids[0], { scale: 1.2, animation: false });
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter") return;
    var ids = matches(search.value);
    if (ids.length) { network.fit({ nodes: ids, animation: false }); showNode(ids[0]); }
  });

  var legend = document.getElementById("legend");
  data.legend.forEach(function (g) {
    var item = el("span", g.name);
    item.style.setProperty("--c", g.color);
    legend.appendChild(item);
  });
  document.getElementById("counts").textContent =
    data.nodes.length + " " + data.noun + " · " + data.edges.length + " links";
  window.diplograph = { network: network, nodes: nodes, edges: edges, data: data, showEdge: showEdge };
})();
