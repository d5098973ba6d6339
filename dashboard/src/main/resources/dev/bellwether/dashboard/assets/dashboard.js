// Bellwether dashboard: the live feed (server-sent events) and the trends chart.
// No data from an article is put into the page as HTML here except the feed items the server
// rendered and escaped; everything else is set as text.
(function () {
  'use strict';

  var list = document.getElementById('alerts');
  if (list) {
    liveFeed(list);
  }
  var chart = document.getElementById('trends-chart');
  if (chart) {
    trends(chart);
  }

  function liveFeed(list) {
    var status = document.getElementById('live-status');
    var count = document.getElementById('feed-count');
    var empty = document.getElementById('alerts-empty');
    var arrived = 0;
    if (!window.EventSource) {
      status.textContent = 'Live updates need a browser with EventSource; reload to see new alerts.';
      return;
    }
    var source = new EventSource(list.getAttribute('data-stream'));
    source.onopen = function () {
      status.textContent = arrived ? arrived + ' new since this page opened · live' : 'live';
    };
    source.onerror = function () {
      status.textContent = 'Connection lost; reconnecting…';
    };
    source.addEventListener('alert', function (event) {
      var alert = JSON.parse(event.data);
      if (list.querySelector('[data-seq="' + String(alert.seq) + '"]')) {
        return;
      }
      var template = document.createElement('template');
      template.innerHTML = alert.html;
      var item = template.content.firstElementChild;
      if (!item) {
        return;
      }
      item.classList.add('fresh');
      (alert.companies || []).forEach(offerCompany);
      list.insertBefore(item, list.firstChild);
      arrived += 1;
      empty.hidden = true;
      count.textContent = list.children.length + (list.children.length === 1 ? ' alert' : ' alerts');
      status.textContent =
        arrived + ' new since this page opened · live · latest: ' + alert.headline;
    });
  }

  // A company first seen live becomes a choice in the company filter, in alphabetical order.
  function offerCompany(name) {
    var select = document.querySelector('#filters select[name="company"]');
    if (!select) {
      return;
    }
    var options = Array.prototype.slice.call(select.options, 1);
    if (options.some(function (o) { return o.value === name; })) {
      return;
    }
    var option = document.createElement('option');
    option.value = name;
    option.textContent = name;
    var before = options.find(function (o) {
      return o.value.localeCompare(name, undefined, { sensitivity: 'base' }) > 0;
    });
    select.insertBefore(option, before || null);
  }

  function trends(canvas) {
    var status = document.getElementById('trends-status');
    var tableBox = document.getElementById('trends-table');
    var windowName = canvas.getAttribute('data-window');
    var step = windowName === 'hour' ? 3600e3 : 86400e3;
    var from = Date.parse(canvas.getAttribute('data-from'));
    var to = Date.parse(canvas.getAttribute('data-to'));
    fetch(canvas.getAttribute('data-api'), { headers: { Accept: 'application/json' } })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) {
            throw new Error(body.error || ('HTTP ' + response.status));
          }
          return body;
        });
      })
      .then(function (body) {
        draw(body.series || []);
      })
      .catch(function (error) {
        status.textContent = 'Trends are not available: ' + error.message;
        status.setAttribute('role', 'alert');
      });

    function draw(series) {
      var starts = [];
      for (var t = from; t < to; t += step) {
        starts.push(t);
      }
      var ranked = series
        .map(function (s) {
          var total = s.points.reduce(function (sum, p) { return sum + p.count; }, 0);
          return { series: s, total: total };
        })
        .sort(function (a, b) { return b.total - a.total; });
      var shown = ranked.slice(0, 8);
      var colours = ['#0b57a4', '#c2410c', '#0d6b2f', '#7e22ce', '#a3161b', '#0e7490', '#6b4a00', '#475569'];
      var datasets = shown.map(function (r, i) {
        var byStart = {};
        r.series.points.forEach(function (p) { byStart[Date.parse(p.start)] = p.count; });
        return {
          label: r.series.company + ' · ' + label(r.series.type),
          data: starts.map(function (s) { return byStart[s] || 0; }),
          borderColor: colours[i],
          backgroundColor: colours[i],
          tension: 0
        };
      });
      var labels = starts.map(function (s) {
        var iso = new Date(s).toISOString();
        return windowName === 'hour' ? iso.slice(5, 13).replace('T', ' ') + 'h' : iso.slice(0, 10);
      });
      if (window.Chart) {
        new window.Chart(canvas, {
          type: 'line',
          data: { labels: labels, datasets: datasets },
          options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'articles' } } },
            plugins: { legend: { position: 'bottom' } }
          }
        });
        canvas.setAttribute('data-rendered', String(datasets.length));
      }
      status.textContent = series.length === 0
        ? 'No events in this period.'
        : series.length + (series.length === 1 ? ' series' : ' series') +
          (series.length > shown.length ? ', the ' + shown.length + ' busiest drawn' : '');
      tableBox.replaceChildren(table(ranked));
    }

    function table(ranked) {
      var t = document.createElement('table');
      t.className = 'trends';
      var caption = t.createCaption();
      caption.textContent = 'Counts per company and event type';
      var head = t.createTHead().insertRow();
      ['Company', 'Event', 'Articles', 'Busiest ' + windowName].forEach(function (h) {
        var th = document.createElement('th');
        th.scope = 'col';
        th.textContent = h;
        head.appendChild(th);
      });
      var body = t.createTBody();
      ranked.forEach(function (r) {
        var busiest = r.series.points.reduce(function (a, b) { return b.count > a.count ? b : a; });
        var row = body.insertRow();
        cell(row, r.series.company);
        cell(row, label(r.series.type));
        cell(row, String(r.total)).className = 'num';
        cell(row, busiest.start.slice(0, windowName === 'hour' ? 13 : 10).replace('T', ' ') + ' (' + busiest.count + ')');
      });
      return t;
    }

    function cell(row, text) {
      var c = row.insertCell();
      c.textContent = text;
      return c;
    }

    function label(type) {
      return type === 'IPO' ? 'IPO' : type.toLowerCase().replace('_', ' ');
    }
  }
})();
