/*
 * alara-audit dashboard. Reads the page's JSON data and draws the figures, charts (Apache ECharts, SVG renderer)
 * and tables. Every value from the data is put into the page as text (textContent, attribute values, or through
 * esc() in chart tooltips), never as markup, so a protocol name holding a script element shows as those characters.
 */
(function () {
  'use strict';
  var DATA = JSON.parse(document.getElementById('dashboard-data').textContent);
  // Okabe-Ito, the palette of the trend workbook's charts: told apart with any colour vision. The DRL is dashed dark red.
  var PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#999999'];
  var DRL_COLOUR = '#A50021';
  var SEVERITIES = ['CRITICAL', 'MAJOR', 'MINOR', 'INFO'];
  var SEVERITY_COLOUR = { CRITICAL: '#D55E00', MAJOR: '#E69F00', MINOR: '#0072B2', INFO: '#56B4E9' };
  var QUANTITIES = ['CTDIvol', 'DLP', 'SSDE'];
  var UNIT = { CTDIvol: 'mGy', DLP: 'mGy\u00b7cm', SSDE: 'mGy' };
  var REVIEW_TEXT = { NOT_REVIEWED: 'not reviewed', OPEN: 'open', JUSTIFIED: 'justified', ACTION_TAKEN: 'action taken',
    FALSE_POSITIVE: 'false positive' };
  var ALL = '';
  var charts = [];
  var main = document.getElementById('main');

  // ---- small helpers -------------------------------------------------------------------------------------------
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (attrs[k] === null || attrs[k] === undefined || attrs[k] === false) return;
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'className') e.className = attrs[k];
      else if (k.indexOf('on') === 0) e.addEventListener(k.substring(2), attrs[k]);
      else e.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  /** For chart tooltips, which ECharts puts into the page as HTML. */
  function esc(s) {
    return String(s === null || s === undefined ? '' : s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }
  /** Three significant figures, never rounding away whole units (1004.8 is 1,005): the reports' one rounding rule. */
  function num(v) {
    if (v === null || v === undefined || isNaN(v)) return '\u2013';
    if (v === 0) return '0';
    var r = Math.abs(v) >= 999.5 ? Math.round(v) : Number(Number(v).toPrecision(3));
    return r.toLocaleString('en-US', { maximumFractionDigits: 6 });
  }
  /** An age cut, never rounded, to one decimal, as the messages give it: 17.97 y is 17.9, not 18, the pediatric limit. */
  function age(v) {
    if (v === null || v === undefined || isNaN(v)) return '\u2013';
    return (Math.floor(v * 10 + 1e-9) / 10).toFixed(1);
  }
  function count(v) { return v === null || v === undefined ? '\u2013' : Number(v).toLocaleString('en-US'); }
  function pct(v) { return v === null || v === undefined ? '\u2013' : (v * 100).toFixed(1) + ' %'; }
  function signed(d, text) {
    if (d === 0) return 'no change';
    return (d > 0 ? '+' : '\u2212') + text;
  }
  function countChange(now, before) {
    if (before === null || before === undefined) return null;
    return signed(now - before, count(Math.abs(now - before)));
  }
  function pointsChange(now, before) {
    if (now === null || before === null || now === undefined || before === undefined) return null;
    var d = Math.round(now * 1000) - Math.round(before * 1000);
    return signed(d, (Math.abs(d) / 10).toFixed(1) + ' pts');
  }
  function decimalChange(now, before, digits) {
    if (now === null || before === null || now === undefined || before === undefined) return null;
    var f = Math.pow(10, digits);
    var d = Math.round((now - before) * f) / f;
    return signed(d, Math.abs(d).toFixed(digits));
  }
  function uniq(list) {
    var seen = {}, out = [];
    list.forEach(function (v) { if (v !== null && v !== undefined && !seen['k' + v]) { seen['k' + v] = true; out.push(v); } });
    return out.sort(function (a, b) { return String(a).localeCompare(String(b)); });
  }
  function option(value, text, selected) {
    var o = el('option', { value: value, text: text });
    if (selected) o.selected = true;
    return o;
  }
  function select(label, id, choices, current, onchange) {
    var s = el('select', { id: id, onchange: function () { onchange(s.value); } });
    choices.forEach(function (c) { s.appendChild(option(c[0], c[1], c[0] === current)); });
    return el('label', { 'for': id }, [label, s]);
  }
  function toggle(legend, name, values, current, disabled, onchange) {
    var box = el('div', { className: 'options' });
    values.forEach(function (v) {
      var id = name + '-' + v;
      var input = el('input', { type: 'radio', name: name, id: id, value: v, disabled: disabled.indexOf(v) >= 0,
        onchange: function () { if (input.checked) onchange(v); } });
      input.checked = v === current;
      box.appendChild(input);
      box.appendChild(el('label', { 'for': id, text: v }));
    });
    return el('fieldset', { className: 'toggle' }, [el('legend', { text: legend }), box]);
  }
  function section(id, title, intro) {
    var s = el('section', { id: id, 'aria-labelledby': id + '-h' }, [el('h2', { id: id + '-h', text: title })]);
    if (intro) s.appendChild(el('p', { className: 'note', text: intro }));
    main.appendChild(s);
    return s;
  }
  function sev(s) { return el('span', { className: 'sev sev-' + s, text: s }); }

  /** A chart in a card: a heading, a short description a screen reader also gets, and the drawing area. */
  function chartCard(parent, id, title, description, tall, wide) {
    var area = el('div', { id: id, className: 'chart' + (tall ? ' tall' : ''), role: 'img', 'aria-label': title + '. ' + description });
    var note = el('p', { className: 'note', text: description });
    var card = el('div', { className: 'card' + (wide ? ' wide' : '') }, [el('h3', { text: title }), note, area]);
    parent.appendChild(card);
    var c = { note: note, area: area, handlers: [] };
    // Drawn once every card is in place: a chart started while its card was alone in the grid would keep that width.
    c.chart = { on: function (name, f) { c.handlers.push([name, f]); } };
    pending.push(c);
    return c;
  }
  var pending = [];
  function startCharts() {
    pending.forEach(function (c) {
      c.chart = echarts.init(c.area, null, { renderer: 'svg' });
      c.handlers.forEach(function (h) { c.chart.on(h[0], h[1]); });
      charts.push(c.chart);
    });
    pending = [];
  }
  /** A horizontal chart of many rows gets the height its rows need, so labels never overlap. */
  function fitHeight(c, rows, perRow, extra) {
    var h = Math.max(300, rows * perRow + extra);
    if (c.area.style.height !== h + 'px') { c.area.style.height = h + 'px'; c.chart.resize(); }
  }
  function baseOption() {
    return {
      color: PALETTE, animation: false, aria: { enabled: true },
      textStyle: { fontFamily: 'Liberation Sans, Arial, Helvetica, sans-serif', color: '#1d2733' },
      tooltip: { confine: true }
    };
  }
  /** Rows a wrapping legend takes: long names stand one to a row, short ones share it. */
  function legendRows(names, perRow) {
    var longest = names.reduce(function (n, s) { return Math.max(n, String(s).length); }, 0);
    return Math.ceil(names.length / (longest > 40 ? 1 : longest > 25 ? Math.min(2, perRow) : perRow));
  }
  /** An empty chart says why it is empty instead of showing bare axes. */
  function emptyChart(c, text) {
    c.chart.setOption({ title: { text: text, left: 'center', top: 'middle', textStyle: { fontSize: 13, fontWeight: 'normal', color: '#55606c' } },
      series: [] }, true);
  }
  function sortable(table, columns, state, rerender) {
    var tr = el('tr');
    columns.forEach(function (c, i) {
      var th = el('th', { scope: 'col', className: c.num ? 'num' : null });
      if (c.sort === false) th.textContent = c.title;
      else {
        th.setAttribute('aria-sort', state.sort === i ? (state.desc ? 'descending' : 'ascending') : 'none');
        th.appendChild(el('button', { type: 'button', className: 'sort', text: c.title,
          'aria-label': 'Sort by ' + c.title, onclick: function () {
            if (state.sort === i) state.desc = !state.desc; else { state.sort = i; state.desc = !!c.num; }
            state.page = 0;
            rerender();
          } }));
      }
      tr.appendChild(th);
    });
    table.appendChild(el('thead', null, [tr]));
  }
  function sortRows(rows, columns, state) {
    if (state.sort === null || state.sort === undefined) return rows;
    var key = columns[state.sort].key;
    var dir = state.desc ? -1 : 1;
    return rows.slice().sort(function (a, b) {
      var x = key(a), y = key(b);
      if (x === y) return 0;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * dir;
    });
  }
  function changeCell(value, change) {
    return el('td', { className: 'num' }, [value, change ? el('span', { className: 'change', text: change }) : null]);
  }

  // ---- the audit page ------------------------------------------------------------------------------------------
  function auditPage() {
    var state = { facility: ALL, station: ALL, quantity: 'CTDIvol', severity: ALL, rule: ALL, review: ALL, sort: null, desc: false,
      page: 0, pageSize: 50, printing: false };
    var facilities = DATA.facilities.slice(1).map(function (f) { return f.name; });
    // Keyed by names from the input: a map without a prototype, so a station called "__proto__" is a station like any other.
    var stationOf = Object.create(null);
    DATA.protocols.forEach(function (p) { stationOf[p.station] = p.facility; });
    DATA.findings.forEach(function (f) { if (f.station && !stationOf[f.station]) stationOf[f.station] = f.facility; });
    function stations() {
      return uniq(Object.keys(stationOf).filter(function (s) { return state.facility === ALL || stationOf[s] === state.facility; }));
    }
    var live = el('p', { className: 'status', role: 'status', 'aria-live': 'polite', id: 'filter-status' });
    var toolbar = el('div', { className: 'toolbar', role: 'region', 'aria-label': 'Filters for the charts and tables' });
    main.appendChild(toolbar);
    function drawToolbar() {
      clear(toolbar);
      toolbar.appendChild(select('Facility', 'filter-facility', [[ALL, 'All facilities']].concat(facilities.map(function (f) { return [f, f]; })),
        state.facility, function (v) { state.facility = v; state.station = ALL; state.page = 0; update(true); }));
      toolbar.appendChild(select('Station', 'filter-station', [[ALL, 'All stations']].concat(stations().map(function (s) { return [s, s]; })),
        state.station, function (v) { state.station = v; state.page = 0; update(false); }));
      toolbar.appendChild(toggle('Dose quantity', 'quantity', QUANTITIES, state.quantity, [], function (v) { state.quantity = v; update(false); }));
      toolbar.appendChild(el('button', { type: 'button', text: 'Clear filters', onclick: function () {
        state.facility = ALL; state.station = ALL; state.severity = ALL; state.rule = ALL; state.review = ALL; state.page = 0; update(true);
      } }));
      toolbar.appendChild(live);
    }
    function pickFacility(f) { state.facility = state.facility === f ? ALL : f; state.station = ALL; state.page = 0; update(true); }
    function pickStation(s) {
      if (state.station === s) state.station = ALL;
      else { state.station = s; if (stationOf[s]) state.facility = stationOf[s]; }
      state.page = 0; update(true);
    }

    // Headline figures
    var head = section('headline', 'Headline figures by facility', DATA.previousPeriod
      ? 'Each figure with its change from ' + DATA.previousPeriod + ' below it, for all facilities together and for each facility'
        + ' the store has that period\u2019s studies of. Choose a facility to filter the page.'
      : 'No earlier period is recorded in the history store, so no change is shown. Choose a facility to filter the page.');
    var headTable = el('table', { id: 'headline-table' });
    head.appendChild(el('div', { className: 'scroll' }, [headTable]));
    function drawHeadline() {
      clear(headTable);
      headTable.appendChild(el('caption', { text: 'Studies, pediatric protocol compliance, repeat rate and findings of ' + DATA.period }));
      headTable.appendChild(el('thead', null, [el('tr', null, ['Facility', 'Studies', 'Pediatric studies', 'Pediatric CT studies',
        'Pediatric protocol compliance', 'CT repeat rate', 'Findings', 'Findings per 100 studies'].map(function (t, i) {
        return el('th', { scope: 'col', className: i ? 'num' : null, text: t });
      }))]));
      var body = el('tbody');
      DATA.facilities.forEach(function (f, i) {
        var p = f.previous || {};
        var name = i === 0 ? el('th', { scope: 'row', text: f.name })
          : el('th', { scope: 'row' }, [el('button', { type: 'button', className: 'pick', text: f.name,
            'aria-pressed': String(state.facility === f.name), onclick: function () { pickFacility(f.name); } })]);
        body.appendChild(el('tr', { className: (i === 0 ? state.facility === ALL : state.facility === f.name) ? 'selected' : null }, [name,
          changeCell(count(f.studies), countChange(f.studies, p.studies)),
          changeCell(count(f.pediatricStudies), countChange(f.pediatricStudies, p.pediatricStudies)),
          changeCell(count(f.pediatricCtStudies), countChange(f.pediatricCtStudies, p.pediatricCtStudies)),
          changeCell(pct(f.compliance), pointsChange(f.compliance, p.compliance)),
          changeCell(pct(f.repeatRate), pointsChange(f.repeatRate, p.repeatRate)),
          changeCell(count(f.findings), countChange(f.findings, p.findings)),
          changeCell(num(f.per100), decimalChange(f.per100, p.per100, 1))]));
      });
      headTable.appendChild(body);
    }

    // Charts
    var chartsSection = section('charts', 'Charts', 'Hover over a bar or box for its values and n; click a facility or station '
      + 'in a chart to filter the page (click it again to clear). The same choices are in the filters above.');
    var grid = el('div', { className: 'grid' });
    chartsSection.appendChild(grid);
    var bySeverity = chartCard(grid, 'chart-findings', 'Findings by facility and severity',
      'Stacked bars of the period\u2019s findings per facility, or per station of the chosen facility.', false, true);
    var drlChart = chartCard(grid, 'chart-drl', 'Median dose against the DRL',
      'Each bar is a facility, exam type and band: its median over the diagnostic reference level; the dashed line is the DRL (ratio 1). '
      + 'Hollow bars stand on too few studies or a different phantom and are not judged.', true);
    var boxChart = chartCard(grid, 'chart-protocols', 'Dose distribution per protocol and station',
      'Box plots: the box from the 25th to the 75th percentile with the median, whiskers at the 5th and 95th percentiles.', true);

    function drawFindingsChart() {
      var byStation = state.facility !== ALL;
      var keys = byStation ? stations() : facilities;
      var rows = DATA.findings.filter(function (f) { return !byStation || f.facility === state.facility; });
      var series = SEVERITIES.map(function (s) {
        return { name: s, type: 'bar', stack: 'findings', itemStyle: { color: SEVERITY_COLOUR[s] }, emphasis: { focus: 'series' },
          data: keys.map(function (k) {
            return rows.filter(function (f) { return f.severity === s && (byStation ? f.station === k : f.facility === k); }).length;
          }) };
      });
      bySeverity.chart.setOption(Object.assign(baseOption(), {
        legend: { top: 0 }, grid: { left: 50, right: 20, top: 40, bottom: 10, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, formatter: function (ps) {
          var total = 0; ps.forEach(function (p) { total += p.value; });
          return esc(ps[0].name) + '<br>' + ps.map(function (p) { return p.marker + esc(p.seriesName) + ': ' + count(p.value); }).join('<br>')
            + '<br>n = ' + count(total) + ' findings';
        } },
        xAxis: { type: 'category', data: keys, axisLabel: { interval: 0, rotate: keys.length > 6 ? 30 : 0, width: keys.length > 6 ? 120 : 220, overflow: 'truncate' },
          triggerEvent: true },
        yAxis: { type: 'value', name: 'Findings', minInterval: 1 },
        series: series
      }), true);
      bySeverity.keys = keys;
      bySeverity.byStation = byStation;
    }
    bySeverity.chart.on('click', function (p) {
      var name = p.componentType === 'xAxis' ? p.value : p.name;
      if (bySeverity.byStation) pickStation(name); else pickFacility(name);
    });

    function drawDrlChart() {
      if (state.quantity === 'SSDE') {
        drlChart.note.textContent = 'DRLs are set for CTDIvol and DLP; SSDE has none, so there is no ratio to draw.';
        emptyChart(drlChart, 'No DRL for SSDE');
        return;
      }
      drlChart.note.textContent = 'Each bar is a facility, exam type and band: its median ' + state.quantity + ' over the diagnostic reference '
        + 'level; the dashed line is the DRL (ratio 1). Hollow bars stand on too few studies or a different phantom and are not judged. '
        + 'DRL groups are per facility, so the station filter does not narrow them.';
      var groups = DATA.drl.filter(function (g) {
        return g.quantity === state.quantity && g.ratio !== null && (state.facility === ALL || g.facility === state.facility);
      });
      if (!groups.length) { emptyChart(drlChart, 'No ' + state.quantity + ' group with a DRL for this choice'); return; }
      // Facility on a line of its own, so the exam type and band, which tell the groups apart, are never cut off.
      var labels = groups.map(function (g) {
        return (state.facility === ALL ? g.facility + '\n' : '') + String(g.examType).replace(/_/g, ' ') + ' \u00b7 ' + g.band;
      });
      fitHeight(drlChart, groups.length, state.facility === ALL ? 30 : 22, 80);
      drlChart.chart.setOption(Object.assign(baseOption(), {
        grid: { left: 10, right: 40, top: 24, bottom: 40, containLabel: true },
        tooltip: { trigger: 'item', confine: true, formatter: function (p) {
          var g = groups[p.dataIndex];
          return esc(g.facility) + '<br>' + esc(g.examType) + ', ' + esc(g.band) + '<br>median ' + num(g.median) + ' ' + esc(g.unit)
            + ' / DRL ' + num(g.drl) + ' = ' + num(g.ratio)
            + (g.ciLow !== null ? '<br>median\u2019s 95 % CI ' + num(g.ciLow) + '-' + num(g.ciHigh) + ' ' + esc(g.unit) : '')
            + '<br>n = ' + count(g.n) + ' values from ' + count(g.studies) + ' studies<br>'
            + esc(g.statusWords)
            + (g.previousRatio !== null ? '<br>previous period ratio ' + num(g.previousRatio) : g.notCompared ? '<br>' + esc(g.notCompared) : '');
        } },
        xAxis: { type: 'value', name: 'Median / DRL', nameLocation: 'middle', nameGap: 26, min: 0 },
        yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 330, overflow: 'truncate', fontSize: 10.5, lineHeight: 13 }, triggerEvent: true },
        series: [{ name: 'Median / DRL', type: 'bar', barMaxWidth: 16,
          data: groups.map(function (g) {
            var colour = !g.judged ? '#8a949e' : g.status === 'ABOVE' ? '#D55E00' : '#0072B2';
            return { value: g.ratio, itemStyle: g.judged ? { color: colour } : { color: '#ffffff', borderColor: colour, borderWidth: 1.5, borderType: 'dashed' } };
          }),
          markLine: { symbol: 'none', silent: true, label: { formatter: 'DRL', color: DRL_COLOUR, position: 'start', distance: 4 },
            lineStyle: { color: DRL_COLOUR, type: 'dashed', width: 1.5 }, data: [{ xAxis: 1 }] } }]
      }), true);
      drlChart.groups = groups;
    }
    drlChart.chart.on('click', function (p) {
      var g = drlChart.groups && drlChart.groups[p.componentType === 'yAxis' ? -1 : p.dataIndex];
      if (g) pickFacility(g.facility);
    });

    var MAX_BOXES = 30;
    function drawBoxChart() {
      var q = state.quantity;
      var rows = DATA.protocols.filter(function (p) {
        return p[q] && (state.facility === ALL || p.facility === state.facility) && (state.station === ALL || p.station === state.station);
      }).sort(function (a, b) { return b[q].n - a[q].n; });
      var shown = rows.slice(0, MAX_BOXES);
      boxChart.note.textContent = 'Box plots of ' + q + ' (' + UNIT[q] + ') per standard protocol and station: the box from the 25th to the 75th '
        + 'percentile with the median, whiskers at the 5th and 95th percentiles.'
        + (rows.length > shown.length ? ' The ' + shown.length + ' of ' + rows.length + ' with most values are shown; filter by facility or station for the others.' : '');
      if (!shown.length) { emptyChart(boxChart, 'No ' + q + ' values for this choice'); return; }
      boxChart.rows = shown;
      fitHeight(boxChart, shown.length, 24, 80);
      boxChart.chart.setOption(Object.assign(baseOption(), {
        grid: { left: 10, right: 30, top: 20, bottom: 40, containLabel: true },
        tooltip: { trigger: 'item', confine: true, formatter: function (p) {
          var r = shown[p.dataIndex], v = r[q].q;
          return esc(r.protocol) + '<br>' + esc(r.station) + ' (' + esc(r.facility) + ')<br>n = ' + count(r[q].n) + ' ' + esc(q) + ' values, '
            + count(r.studies) + ' studies<br>median ' + num(v[3]) + ' ' + UNIT[q] + '<br>25th\u201375th ' + num(v[2]) + '\u2013' + num(v[4])
            + '<br>5th\u201395th ' + num(v[1]) + '\u2013' + num(v[5]) + '<br>min ' + num(v[0]) + ', max ' + num(v[6]);
        } },
        xAxis: { type: 'value', name: q + ' (' + UNIT[q] + ')', nameLocation: 'middle', nameGap: 26, scale: false },
        yAxis: { type: 'category', inverse: true, triggerEvent: true, axisLabel: { width: 300, overflow: 'truncate', fontSize: 11 },
          data: shown.map(function (r) { return r.protocol + ' \u00b7 ' + r.station; }) },
        series: [{ name: q, type: 'boxplot', boxWidth: [8, 16], itemStyle: { color: '#e8f1f8', borderColor: '#0072B2', borderWidth: 1.5 },
          data: shown.map(function (r) { var v = r[q].q; return [v[1], v[2], v[3], v[4], v[5]]; }) }]
      }), true);
    }
    boxChart.chart.on('click', function (p) {
      var r = boxChart.rows && boxChart.rows[p.dataIndex];
      if (p.componentType === 'yAxis') r = boxChart.rows.filter(function (x) { return x.protocol + ' \u00b7 ' + x.station === p.value; })[0];
      if (r) pickStation(r.station);
    });

    // Findings table
    var fs = section('findings', 'Findings', DATA.findingsTotal > DATA.findings.length
      ? 'The page holds the ' + count(DATA.findings.length) + ' most severe of ' + count(DATA.findingsTotal) + ' findings; all are in findings.csv and the workbook.'
      : null);
    var filters = el('div', { className: 'filters', role: 'group', 'aria-label': 'Filters of the findings table' });
    var findingsCount = el('p', { className: 'status', id: 'findings-count' });
    var findingsTable = el('table', { id: 'findings-table' });
    var pager = el('div', { className: 'pager' });
    fs.appendChild(filters);
    fs.appendChild(findingsCount);
    fs.appendChild(el('div', { className: 'scroll' }, [findingsTable]));
    fs.appendChild(pager);
    var patientLevel = DATA.disclosure === 'patient-level';
    var columns = [
      { title: 'Severity', key: function (f) { return SEVERITIES.indexOf(f.severity); }, cell: function (f) { return el('td', null, [sev(f.severity)]); } },
      { title: 'Rule', key: function (f) { return f.rule; }, cell: function (f) { return el('td', { className: 'rule', title: DATA.rules[f.rule] || null, text: f.rule }); } },
      { title: 'Facility / station', key: function (f) { return (f.facility || '') + ' \u00b7 ' + (f.station || ''); },
        cell: function (f) { return el('td', { className: 'verbatim' }, [f.facility || '\u2013', el('br'), f.station || '\u2013']); } },
      { title: 'Accession', key: function (f) { return f.accession; }, className: 'nowrap' },
      { title: 'Study date', key: function (f) { return f.date; }, className: 'nowrap' }
    ];
    if (patientLevel) {
      columns.push({ title: 'Patient (pseudonym)', key: function (f) { return f.patient; } });
      columns.push({ title: 'Age (y)', num: true, key: function (f) { return f.age; }, text: function (f) { return age(f.age); } });
    }
    columns.push({ title: 'Protocol', key: function (f) { return f.protocol; } });
    columns.push({ title: 'Measured / reference', num: true, className: 'wrap', key: function (f) { return f.measured; },
      text: function (f) {
        var u = f.unit ? ' ' + f.unit : '';
        var shown = f.quantity === 'age' ? age : num;
        // the reference's verification status, as findings.csv gives it: never a value without it
        return (f.measured === null ? '\u2013' : shown(f.measured) + u) + ' / ' + (f.reference === null ? '\u2013' : num(f.reference) + u)
          + (f.reference !== null && f.status ? ' (' + f.status + ')' : '');
      } });
    columns.push({ title: 'Review', key: function (f) { return f.review; }, text: function (f) { return REVIEW_TEXT[f.review] || f.review; } });

    function findingMatches(f, ignore) {
      return (state.facility === ALL || f.facility === state.facility) && (state.station === ALL || f.station === state.station)
        && (ignore === 'severity' || state.severity === ALL || f.severity === state.severity)
        && (ignore === 'rule' || state.rule === ALL || f.rule === state.rule)
        && (ignore === 'review' || state.review === ALL || f.review === state.review);
    }
    function drawFindingFilters() {
      clear(filters);
      filters.appendChild(select('Severity', 'filter-severity', [[ALL, 'All severities']].concat(SEVERITIES.map(function (s) { return [s, s]; })),
        state.severity, function (v) { state.severity = v; state.page = 0; drawFindings(); }));
      var rules = uniq(DATA.findings.map(function (f) { return f.rule; }));
      filters.appendChild(select('Rule', 'filter-rule', [[ALL, 'All rules']].concat(rules.map(function (r) { return [r, r]; })),
        state.rule, function (v) { state.rule = v; state.page = 0; drawFindings(); }));
      var reviews = uniq(DATA.findings.map(function (f) { return f.review; }));
      filters.appendChild(select('Review status', 'filter-review', [[ALL, 'Any review status']].concat(reviews.map(function (r) {
        return [r, REVIEW_TEXT[r] || r]; })), state.review, function (v) { state.review = v; state.page = 0; drawFindings(); }));
      filters.appendChild(el('p', { className: 'note', text: 'Facility and station: the filters at the top of the page.' }));
    }
    function drawFindings() {
      var rows = sortRows(DATA.findings.filter(function (f) { return findingMatches(f); }), columns, state);
      var pages = Math.max(1, Math.ceil(rows.length / state.pageSize));
      if (state.page >= pages) state.page = pages - 1;
      var shown = state.printing ? rows : rows.slice(state.page * state.pageSize, (state.page + 1) * state.pageSize);
      findingsCount.textContent = count(rows.length) + (rows.length === 1 ? ' finding matches' : ' findings match') + ' the filters'
        + (DATA.findings.length !== rows.length ? ' (of ' + count(DATA.findings.length) + ')' : '') + '.';
      findingsCount.setAttribute('data-count', String(rows.length));
      live.textContent = findingsCount.textContent;
      clear(findingsTable);
      findingsTable.appendChild(el('caption', { text: 'Findings of ' + DATA.period + (state.facility !== ALL ? ', ' + state.facility : '')
        + (state.station !== ALL ? ', ' + state.station : '') }));
      sortable(findingsTable, columns, state, drawFindings);
      var body = el('tbody');
      shown.forEach(function (f) {
        body.appendChild(el('tr', { className: 'finding' }, columns.map(function (c) {
          if (c.cell) return c.cell(f);
          var v = c.text ? c.text(f) : c.key(f);
          return el('td', { className: (c.num ? 'num ' : '') + (c.className || (c.num ? '' : 'verbatim')) }, [v === null || v === undefined ? '\u2013' : String(v)]);
        })));
        // The message on a line of its own under the finding's columns, so the table fits a screen's width.
        body.appendChild(el('tr', { className: 'detail' }, [el('td'), el('td', { colspan: String(columns.length - 1), className: 'message verbatim',
          text: f.message || '' })]));
      });
      if (!shown.length) body.appendChild(el('tr', null, [el('td', { colspan: String(columns.length), text: 'No finding matches these filters.' })]));
      findingsTable.appendChild(body);
      clear(pager);
      if (pages > 1) {
        pager.appendChild(el('button', { type: 'button', text: 'Previous page', disabled: state.page === 0,
          onclick: function () { state.page--; drawFindings(); findingsTable.scrollIntoView(); } }));
        pager.appendChild(el('span', { text: 'Page ' + (state.page + 1) + ' of ' + pages }));
        pager.appendChild(el('button', { type: 'button', text: 'Next page', disabled: state.page >= pages - 1,
          onclick: function () { state.page++; drawFindings(); findingsTable.scrollIntoView(); } }));
      }
    }

    // Patient lists
    var cumulative = section('cumulative-dose', 'Cumulative dose');
    function drawCumulative() {
      while (cumulative.childNodes.length > 1) cumulative.removeChild(cumulative.lastChild);
      if (DATA.cumulativeDose === null) {
        cumulative.appendChild(el('p', { className: 'empty', text: 'Not shown: this report\u2019s template shows aggregates only, no patient-level lists.' }));
        return;
      }
      var rows = DATA.cumulativeDose.filter(function (c) { return state.facility === ALL || c.facility === state.facility; });
      cumulative.appendChild(el('p', { className: 'note', text: 'Patients, by pseudonym only, whose dose over the look-back window reached a level '
        + 'of the cumulative-dose table: for review of their imaging history, never an individual risk.' }));
      if (!rows.length) { cumulative.appendChild(el('p', { className: 'empty', text: 'No patient reached a cumulative-dose level' + (state.facility !== ALL ? ' at this facility.' : '.') })); return; }
      var t = el('table', { id: 'cumulative-table' }, [el('thead', null, [el('tr', null, ['Patient (pseudonym)', 'Facility', 'Severity', 'Metric',
        'Cumulative', 'Level', 'Latest study', 'Date'].map(function (h, i) { return el('th', { scope: 'col', className: i === 4 || i === 5 ? 'num' : null, text: h }); }))])]);
      var b = el('tbody');
      rows.forEach(function (c) {
        b.appendChild(el('tr', null, [el('td', { className: 'verbatim', text: c.patient }), el('td', { text: c.facility }), el('td', null, [sev(c.severity)]),
          el('td', { text: c.metric }), el('td', { className: 'num', text: num(c.value) + ' ' + (c.unit || '') }),
          el('td', { className: 'num', text: num(c.threshold) + ' ' + (c.unit || '') }), el('td', { text: c.latestStudy }), el('td', { text: c.date })]));
      });
      t.appendChild(b);
      cumulative.appendChild(el('div', { className: 'scroll' }, [t]));
    }
    var skin = section('skin-follow-up', 'Skin follow-up');
    function drawSkin() {
      while (skin.childNodes.length > 1) skin.removeChild(skin.lastChild);
      if (DATA.skinFollowUp === null && DATA.disclosure !== 'patient-level') {
        skin.appendChild(el('p', { className: 'empty', text: 'Not shown: this report\u2019s template shows aggregates only, no patient-level lists.' }));
      } else if (!DATA.skinFollowUp || !DATA.skinFollowUp.length) {
        skin.appendChild(el('p', { className: 'empty', text: 'No patient to follow up: no procedure of the period reached a follow-up level (such as the substantial radiation dose level of the fluoroscopy rules).' }));
      } else {
        var t = el('table', { id: 'skin-table' }, [el('thead', null, [el('tr', null, Object.keys(DATA.skinFollowUp[0]).map(function (h) {
          return el('th', { scope: 'col', text: h }); }))])]);
        var b = el('tbody');
        DATA.skinFollowUp.forEach(function (r) {
          b.appendChild(el('tr', null, Object.keys(r).map(function (k) { return el('td', { text: r[k] === null ? '\u2013' : String(r[k]) }); })));
        });
        t.appendChild(b);
        skin.appendChild(t);
      }
    }
    if (DATA.notes.length) {
      var notes = section('notes', 'Notes');
      DATA.notes.forEach(function (n) { notes.appendChild(el('p', { text: n })); });
    }

    function update(toolbarToo) {
      if (toolbarToo) drawToolbar();
      else {
        var s = document.getElementById('filter-station');
        if (s) s.value = state.station;
      }
      drawHeadline();
      drawFindingsChart();
      drawDrlChart();
      drawBoxChart();
      drawFindingFilters();
      drawFindings();
      drawCumulative();
      drawSkin();
    }
    startCharts();
    update(true);
    return { print: function (on) { state.printing = on; drawFindings(); } };
  }

  // ---- the trend page ------------------------------------------------------------------------------------------
  function trendPage() {
    var state = { group: ALL, quantity: 'CTDIvol', metric: 'compliance', sort: null, desc: false };
    var METRICS = [['studies', 'Studies'], ['pediatricStudies', 'Pediatric studies'], ['compliance', 'Pediatric protocol compliance'],
      ['repeatRate', 'CT repeat rate'], ['per100', 'Findings per 100 studies (all severities)']]
      .concat(SEVERITIES.map(function (s) { return ['per100-' + s, s + ' findings per 100 studies']; }));
    var live = el('p', { className: 'status', role: 'status', 'aria-live': 'polite' });
    var toolbar = el('div', { className: 'toolbar', role: 'region', 'aria-label': 'Filters for the charts and tables' });
    main.appendChild(toolbar);
    var groupLabel = DATA.by === 'station' ? 'Station' : DATA.by === 'protocol' ? 'Protocol' : 'Facility';
    function drawToolbar() {
      clear(toolbar);
      toolbar.appendChild(select(groupLabel, 'filter-group', [[ALL, 'All']].concat(DATA.groups.map(function (g) { return [g, g]; })),
        state.group, function (v) { state.group = v; update(); }));
      toolbar.appendChild(select('Month-by-month figure', 'filter-metric', METRICS, state.metric, function (v) { state.metric = v; update(); }));
      toolbar.appendChild(toggle('Dose quantity', 'quantity', QUANTITIES, state.quantity, ['SSDE'], function (v) { state.quantity = v; update(); }));
      toolbar.appendChild(live);
    }
    function pick(g) { state.group = state.group === g ? ALL : g; drawToolbar(); update(); }
    function metricValue(group, month) {
      var f = DATA.figures.filter(function (x) { return x.group === group && x.month === month; })[0];
      if (state.metric.indexOf('per100') === 0) {
        var k = DATA.findings.filter(function (x) { return x.group === group && x.month === month; })[0];
        if (!k || !k.studies) return null;
        if (state.metric === 'per100') {
          var t = 0; SEVERITIES.forEach(function (s) { t += k.count[s]; });
          return Math.round(1e4 * 100 * t / k.studies) / 1e4;
        }
        return k.per100[state.metric.substring(7)];
      }
      return f ? f[state.metric] : null;
    }
    function metricText(v) {
      return state.metric === 'compliance' || state.metric === 'repeatRate' ? pct(v) : state.metric.indexOf('per100') === 0 ? num(v) : count(v);
    }

    var head = section('headline', 'Headline figures', 'Each series\u2019 latest month, with its change from the audited month before.');
    // A month no run covers is left out of the page; said here, where a change against it would otherwise be read.
    if (DATA.notAudited) head.appendChild(el('p', { id: 'not-audited', text: DATA.notAudited }));
    var headTable = el('table', { id: 'headline-table' });
    head.appendChild(el('div', { className: 'scroll' }, [headTable]));
    function drawHeadline() {
      clear(headTable);
      var last = DATA.months[DATA.months.length - 1], before = DATA.months.length > 1 ? DATA.months[DATA.months.length - 2] : null;
      headTable.appendChild(el('caption', { text: last + (before ? ' against ' + before : '') }));
      headTable.appendChild(el('thead', null, [el('tr', null, [groupLabel, 'Studies', 'Pediatric protocol compliance', 'CT repeat rate',
        'Findings per 100 studies'].map(function (t, i) { return el('th', { scope: 'col', className: i ? 'num' : null, text: t }); }))]));
      var body = el('tbody');
      function fig(g, m) { return DATA.figures.filter(function (x) { return x.group === g && x.month === m; })[0] || {}; }
      function per100(g, m) {
        var k = DATA.findings.filter(function (x) { return x.group === g && x.month === m; })[0];
        if (!k || !k.studies) return null;
        var t = 0; SEVERITIES.forEach(function (s) { t += k.count[s]; });
        return 100 * t / k.studies;
      }
      DATA.groups.forEach(function (g) {
        var a = fig(g, last), b = before ? fig(g, before) : {};
        body.appendChild(el('tr', { className: state.group === g ? 'selected' : null }, [
          el('th', { scope: 'row' }, [el('button', { type: 'button', className: 'pick', text: g, 'aria-pressed': String(state.group === g),
            onclick: function () { pick(g); } })]),
          changeCell(count(a.studies), before ? countChange(a.studies, b.studies) : null),
          changeCell(pct(a.compliance), before ? pointsChange(a.compliance, b.compliance) : null),
          changeCell(pct(a.repeatRate), before ? pointsChange(a.repeatRate, b.repeatRate) : null),
          changeCell(num(per100(g, last)), before ? decimalChange(per100(g, last), per100(g, before), 1) : null)]));
      });
      headTable.appendChild(body);
    }

    var chartsSection = section('charts', 'Charts', 'Hover over a point for its value and n; click a line (or its legend entry with '
      + 'the filter above) to show one ' + groupLabel.toLowerCase() + ' only. Hollow points stand on fewer than ' + DATA.minStudies + ' studies.');
    var grid = el('div', { className: 'grid' });
    chartsSection.appendChild(grid);
    var monthly = chartCard(grid, 'chart-months', 'Month by month', 'One line per ' + groupLabel.toLowerCase() + '.');
    var drl = chartCard(grid, 'chart-drl', 'Median dose against the DRL, month by month',
      'Each line is an exam type and band of one ' + groupLabel.toLowerCase() + ': its monthly median over the DRL; the dashed line is the DRL.', true);

    function drawMonthly() {
      var groups = state.group === ALL ? DATA.groups : [state.group];
      var label = METRICS.filter(function (m) { return m[0] === state.metric; })[0][1];
      monthly.note.textContent = label + ', one line per ' + groupLabel.toLowerCase() + '.'
        + (state.metric.indexOf('per100') === 0 ? ' ' + DATA.findingsDefinition : '');
      var percent = state.metric === 'compliance' || state.metric === 'repeatRate';
      monthly.groups = groups;
      monthly.chart.setOption(Object.assign(baseOption(), {
        legend: { bottom: 0, itemGap: 6, textStyle: { fontSize: 11 } }, grid: { left: 60, right: 40, top: 36, bottom: 56 + 18 * legendRows(groups, 3) },
        tooltip: { trigger: 'axis', confine: true, formatter: function (ps) {
          return esc(ps[0].axisValue) + '<br>' + ps.map(function (p) {
            var f = DATA.figures.filter(function (x) { return x.group === p.seriesName && x.month === p.axisValue; })[0];
            return p.marker + esc(p.seriesName) + ': ' + metricText(p.value) + (f ? ' (n = ' + count(percent ? (state.metric === 'compliance'
              ? f.pediatricCtStudies : f.ctStudies) : f.studies) + (percent ? (state.metric === 'compliance' ? ' pediatric CT' : ' CT') : '') + ' studies)' : '');
          }).join('<br>');
        } },
        xAxis: { type: 'category', data: DATA.chartMonths, boundaryGap: false },
        // A percentage from 0, compliance up to 100 %: cut to the months' values, a change of a point or two drew as a collapse.
        yAxis: { type: 'value', name: label, nameTextStyle: { align: 'left' }, scale: !percent, min: percent ? 0 : null,
          max: state.metric === 'compliance' ? 1 : null,
          axisLabel: { formatter: function (v) { return percent ? (v * 100).toFixed(state.metric === 'compliance' ? 0 : 1) + ' %' : num(v); } } },
        series: groups.map(function (g, i) {
          return { name: g, type: 'line', connectNulls: false, symbol: 'circle', symbolSize: 7, lineStyle: { width: 2 }, emphasis: { focus: 'series' },
            itemStyle: { color: PALETTE[DATA.groups.indexOf(g) % PALETTE.length] },
            // A month not audited has no figure: null, a gap in the line (connectNulls false).
            data: DATA.chartMonths.map(function (m) { return metricValue(g, m); }) };
        })
      }), true);
    }
    monthly.chart.on('click', function (p) { if (p.seriesName) pick(p.seriesName); });

    var MAX_LINES = 8;
    function drawDrl() {
      var rows = DATA.medians.filter(function (m) {
        return m.quantity === state.quantity && m.ratio !== null && (state.group === ALL || m.group === state.group);
      });
      if (!rows.length) { emptyChart(drl, 'No ' + state.quantity + ' median with a DRL for this choice'); drl.lines = []; return; }
      var studies = Object.create(null), above = Object.create(null);
      rows.forEach(function (m) {
        var k = m.group + ' \u00b7 ' + m.series;
        studies[k] = (studies[k] || 0) + m.studies;
        if (m.sufficient && m.ratio > 1) above[k] = Math.max(above[k] || 0, m.ratio);
      });
      var all = Object.keys(studies);
      // As the trend PDF: lines above their DRL first (the highest first), then those with most studies, so the chart
      // stays readable without hiding what must be seen; the filter reaches every line.
      var lines = all.sort(function (a, b) {
        return (above[b] || 0) - (above[a] || 0) || studies[b] - studies[a] || (a < b ? -1 : a > b ? 1 : 0);
      }).slice(0, MAX_LINES);
      drl.note.textContent = 'Each line is an exam type and band of one ' + groupLabel.toLowerCase() + ': its monthly median ' + state.quantity
        + ' over the DRL; the dashed line is the DRL. ' + (all.length > lines.length ? 'The ' + lines.length + ' of ' + all.length
        + ' lines are drawn: those above their DRL on a sufficient sample first (the highest first), then those with most studies;'
        + ' choose a ' + groupLabel.toLowerCase() + ' above to see its lines.' : '');
      drl.lines = lines;
      drl.chart.setOption(Object.assign(baseOption(), {
        legend: { bottom: 0, itemGap: 6, textStyle: { fontSize: 11 } }, grid: { left: 60, right: 40, top: 36, bottom: 56 + 18 * legendRows(lines, 2) },
        tooltip: { trigger: 'item', confine: true, formatter: function (p) {
          var m = p.data.m;
          return esc(m.group) + '<br>' + esc(m.series) + ', ' + esc(m.month) + '<br>median ' + num(m.median) + ' ' + esc(m.unit) + ' / DRL '
            + num(m.drl) + ' = ' + num(m.ratio) + '<br>n = ' + count(m.n) + ' values from ' + count(m.studies) + ' studies'
            + (m.sufficient ? '' : '<br>below the minimum sample: shown, not judged');
        } },
        xAxis: { type: 'category', data: DATA.chartMonths, boundaryGap: false },
        yAxis: { type: 'value', name: 'Median / DRL', min: 0 },
        series: lines.map(function (line, i) {
          return { name: line, type: 'line', symbolSize: 8, lineStyle: { width: 2 }, emphasis: { focus: 'series' },
            itemStyle: { color: PALETTE[i % PALETTE.length] },
            connectNulls: false,
            data: DATA.chartMonths.map(function (month) {
              var m = rows.filter(function (r) { return r.group + ' \u00b7 ' + r.series === line && r.month === month; })[0];
              if (!m) return null;
              return { value: m.ratio, m: m, symbol: m.sufficient ? 'circle' : 'emptyCircle' };
            }),
            markLine: i === 0 ? { symbol: 'none', silent: true, label: { formatter: 'DRL', color: DRL_COLOUR, position: 'insideEndTop' },
              lineStyle: { color: DRL_COLOUR, type: 'dashed', width: 1.5 }, data: [{ yAxis: 1 }] } : undefined };
        })
      }), true);
    }
    drl.chart.on('click', function (p) { if (p.data && p.data.m) pick(p.data.m.group); });

    var stepsSection = section('steps', 'Protocol median steps', 'A standard protocol whose median CTDIvol at one station moved by more than '
      + DATA.stepThreshold + ' from one month to the next, both months with at least ' + DATA.minStudies + ' studies.');
    var stepsCount = el('p', { className: 'status', id: 'steps-count' });
    var stepsTable = el('table', { id: 'steps-table' });
    stepsSection.appendChild(stepsCount);
    stepsSection.appendChild(el('div', { className: 'scroll' }, [stepsTable]));
    var stepColumns = [
      { title: 'Facility', key: function (s) { return s.facility; } },
      { title: 'Station', key: function (s) { return s.station; } },
      { title: 'Protocol', key: function (s) { return s.protocol; } },
      { title: 'From', key: function (s) { return s.before; } },
      { title: 'To', key: function (s) { return s.after; } },
      { title: 'Median before (mGy)', num: true, key: function (s) { return s.medianBefore; }, text: function (s) { return num(s.medianBefore) + ' (n ' + s.studiesBefore + ')'; } },
      { title: 'Median after (mGy)', num: true, key: function (s) { return s.medianAfter; }, text: function (s) { return num(s.medianAfter) + ' (n ' + s.studiesAfter + ')'; } },
      { title: 'Change', num: true, key: function (s) { return s.change; }, text: function (s) { return s.changeText; } },
      { title: 'Beyond the spread', key: function (s) { return s.beyondSampling ? 'yes' : 'no'; } }
    ];
    function stepMatches(s) {
      if (state.group === ALL) return true;
      if (DATA.by === 'station') return s.facility + ' / ' + s.station === state.group;
      if (DATA.by === 'protocol') return s.protocol === state.group;
      return s.facility === state.group;
    }
    function drawSteps() {
      var rows = sortRows(DATA.steps.filter(stepMatches), stepColumns, state);
      stepsCount.textContent = count(rows.length) + (rows.length === 1 ? ' step' : ' steps') + (state.group !== ALL ? ' for ' + state.group : '') + '.';
      stepsCount.setAttribute('data-count', String(rows.length));
      live.textContent = stepsCount.textContent;
      clear(stepsTable);
      sortable(stepsTable, stepColumns, state, drawSteps);
      var body = el('tbody');
      rows.forEach(function (s) {
        body.appendChild(el('tr', null, stepColumns.map(function (c) {
          return el('td', { className: c.num ? 'num' : 'verbatim', text: String(c.text ? c.text(s) : c.key(s)) });
        })));
      });
      if (!rows.length) body.appendChild(el('tr', null, [el('td', { colspan: String(stepColumns.length), text: 'No step of more than ' + DATA.stepThreshold + '.' })]));
      stepsTable.appendChild(body);
    }
    function update() {
      var g = document.getElementById('filter-group');
      if (g) g.value = state.group;
      drawHeadline();
      drawMonthly();
      drawDrl();
      drawSteps();
    }
    drawToolbar();
    startCharts();
    update();
    return { print: function () {} };
  }

  var page = DATA.kind === 'audit' ? auditPage() : trendPage();
  var resizing = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () { charts.forEach(function (c) { c.resize(); }); }, 100);
  });
  // Printed, every matching row is listed and the charts take the page's width.
  window.addEventListener('beforeprint', function () {
    page.print(true);
    // 250 mm at 96 dpi; each chart keeps its own height, which its rows set.
    charts.forEach(function (c) { c.resize({ width: 940 }); });
  });
  window.addEventListener('afterprint', function () {
    page.print(false);
    charts.forEach(function (c) { c.resize(); });
  });
})();
