// Times in the viewer's own zone: every <time datetime> on the page, as "Sat 5 Dec, 14:05 (2 h ago)".
// The server writes UTC; the browser knows where its person is.
(function () {
  const format = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const skew = document.body.dataset.now ? Date.parse(document.body.dataset.now) - Date.now() : 0;
  function relative(ms) {
    const past = ms < 0, abs = Math.abs(ms) / 60000;
    const text = abs < 1 ? 'now' : abs < 60 ? Math.round(abs) + ' min' : abs < 1440 ? (Math.round(abs / 6) / 10) + ' h' : Math.round(abs / 1440) + ' d';
    return text === 'now' ? 'just now' : past ? text + ' ago' : 'in ' + text;
  }
  function localise(root) {
    for (const el of (root || document).querySelectorAll('time[datetime]')) {
      const at = Date.parse(el.getAttribute('datetime'));
      if (isNaN(at)) continue;
      el.title = el.getAttribute('datetime');
      el.textContent = format.format(new Date(at)) + ' (' + relative(at - (Date.now() + skew)) + ')';
    }
  }
  window.localiseTimes = localise;
  localise();
})();
