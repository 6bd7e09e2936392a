// The report's one script, inline: lists the findings from the JSON block and filters them by
// county, rule and severity. Values are set with textContent, never parsed as markup. Plain
// ES2017 for any browser an intranet still runs; no module, no library, no network.
export const SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('zhucun-data').textContent);
  var body = document.getElementById('findings-body');
  var county = document.getElementById('filter-county');
  var rule = document.getElementById('filter-rule');
  var severity = document.getElementById('filter-severity');
  var shown = document.getElementById('shown');
  var more = document.getElementById('more');
  var matches = [];
  var listed = 0;

  function fill(template, values) {
    return template.replace(/\\{(\\w+)\\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function cell(tr, text, className) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    tr.appendChild(td);
    return td;
  }

  function paragraph(parent, text, className) {
    var p = document.createElement('p');
    p.className = className;
    p.textContent = text;
    parent.appendChild(p);
  }

  function row(finding) {
    var sev = data.severities[finding[5]];
    var r = data.rules[finding[6]];
    var tr = document.createElement('tr');
    tr.setAttribute('data-county', String(finding[0]));
    tr.setAttribute('data-rule', r.id);
    tr.setAttribute('data-severity', sev[0]);
    cell(tr, finding[0] < 0 ? data.words.unknownCounty : data.counties[finding[0]], '');
    cell(tr, data.rosters[finding[1]], 'path');
    cell(tr, finding[2], '');
    cell(tr, String(finding[3]), 'num');
    cell(tr, finding[4], '');
    cell(tr, sev[1], 'sev ' + sev[0]);
    cell(tr, r.id, 'rule');
    cell(tr, finding[7], 'msg');
    var td = cell(tr, '', 'basis');
    if (r.document) {
      var details = document.createElement('details');
      var summary = document.createElement('summary');
      summary.textContent = data.words.basis;
      details.appendChild(summary);
      paragraph(details, r.document + (r.passage ? data.words.quote.replace('{passage}', r.passage) : ''), 'passage');
      if (r.fix) paragraph(details, data.words.fix + r.fix, 'passage');
      td.appendChild(details);
    }
    return tr;
  }

  function list() {
    var end = Math.min(matches.length, listed + data.page);
    var fragment = document.createDocumentFragment();
    for (var i = listed; i < end; i += 1) fragment.appendChild(row(matches[i]));
    body.appendChild(fragment);
    listed = end;
    var text = fill(data.words.shown, { shown: matches.length, all: data.findings.length });
    if (listed < matches.length) text += fill(data.words.listed, { listed: listed });
    shown.textContent = text;
    shown.setAttribute('data-shown', String(matches.length));
    shown.setAttribute('data-listed', String(listed));
    more.hidden = listed >= matches.length;
    more.textContent = fill(data.words.more, { n: Math.min(data.page, matches.length - listed) });
  }

  function apply() {
    var c = county.value;
    var r = rule.value;
    var s = severity.value;
    matches = data.findings.filter(function (finding) {
      return (c === '' || String(finding[0]) === c) && (r === '' || String(finding[6]) === r) && (s === '' || data.severities[finding[5]][0] === s);
    });
    body.textContent = '';
    listed = 0;
    list();
  }

  county.addEventListener('change', apply);
  rule.addEventListener('change', apply);
  severity.addEventListener('change', apply);
  more.addEventListener('click', list);
  document.getElementById('filters').addEventListener('reset', function () {
    setTimeout(apply, 0);
  });
  apply();
})();
`;
