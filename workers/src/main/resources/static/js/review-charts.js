// The review pack's charts (ECharts, served as a webjar): each indicator's last six periods with its
// target drawn in, the funnel, reasons by campaign as stacked bars; and sortable breakdown tables.
// The numbers come from the page's own data attributes: the tables stay the record, the charts help look.
(function () {
  'use strict';
  const numbers = (text, separator) => text.split(separator).map(v => (v === '' ? null : Number(v)));
  const quiet = { animation: false, textStyle: { fontFamily: 'system-ui, sans-serif', fontSize: 11 } };

  function trend(el) {
    const periods = el.dataset.periods.split(',');
    const targets = numbers(el.dataset.targets, ',');
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(Object.assign({}, quiet, {
      grid: { left: 2, right: 2, top: 4, bottom: 2 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: periods, show: false },
      yAxis: { type: 'value', show: false, min: 0 },
      series: [
        { name: 'value', type: 'bar', data: numbers(el.dataset.values, ','), itemStyle: { color: '#0969da' } },
        { name: 'target', type: 'line', data: targets, symbol: 'none', lineStyle: { color: '#cf222e', type: 'dashed', width: 1 },
          connectNulls: true, silent: true },
      ],
    }));
  }

  function breakdown(el) {
    const labels = el.dataset.labels.split('|');
    const groups = el.dataset.groups.split('|');
    const values = numbers(el.dataset.values, '|');
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    if (el.dataset.chart === 'funnel') {
      chart.setOption(Object.assign({}, quiet, {
        grid: { left: 100, right: 40, top: 8, bottom: 8 },
        xAxis: { type: 'value', show: false }, yAxis: { type: 'category', data: labels.slice().reverse() },
        series: [{ type: 'bar', data: values.slice().reverse(), label: { show: true, position: 'right' }, itemStyle: { color: '#0969da' } }],
      }));
      return;
    }
    // Reasons by campaign: one bar per campaign (the group), stacked by reason (the label).
    const campaigns = [...new Set(groups)];
    const reasons = [...new Set(labels)];
    chart.setOption(Object.assign({}, quiet, {
      legend: { type: 'scroll', bottom: 0 }, tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 140, right: 16, top: 8, bottom: 32 },
      xAxis: { type: 'value' }, yAxis: { type: 'category', data: campaigns },
      series: reasons.map(reason => ({
        name: reason, type: 'bar', stack: 'reasons',
        data: campaigns.map(c => labels.reduce((sum, l, i) => sum + (l === reason && groups[i] === c ? values[i] || 0 : 0), 0)),
      })),
    }));
  }

  // Click a column head to sort by it; again to reverse. Numbers sort by their data-sort value.
  function sortable(table) {
    table.querySelectorAll('thead th').forEach((th, column) => {
      th.setAttribute('aria-sort', 'none');
      th.tabIndex = 0; // sortable from the keyboard too
      th.addEventListener('keydown', e => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          th.click();
        }
      });
      th.addEventListener('click', () => {
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        table.querySelectorAll('thead th').forEach(other => other.setAttribute('aria-sort', 'none'));
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const key = row => {
          const cell = row.children[column];
          const sort = cell.dataset.sort;
          return sort !== undefined && sort !== '' ? Number(sort) : cell.textContent.trim().toLowerCase();
        };
        const rows = [...table.tBodies[0].rows];
        rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (ascending ? 1 : -1));
        rows.forEach(row => table.tBodies[0].appendChild(row));
      });
    });
  }

  document.querySelectorAll('.chart.trend').forEach(trend);
  document.querySelectorAll('.chart.breakdown').forEach(breakdown);
  document.querySelectorAll('table.sortable').forEach(sortable);
})();
