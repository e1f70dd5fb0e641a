// The SLA clock: time left (green, amber in the last 15 minutes), then how late (red).
const skew = Date.parse(document.body.dataset.now) - Date.now();
function tick() {
  for (const clock of document.querySelectorAll('.clock[data-due]')) {
    const left = Math.round((Date.parse(clock.dataset.due) - (Date.now() + skew)) / 1000);
    const abs = Math.abs(left), h = Math.floor(abs / 3600), m = Math.floor(abs % 3600 / 60), s = abs % 60;
    const text = (h ? h + 'h ' : '') + String(m).padStart(2, '0') + ':' + String(s).padStart(2, '0');
    clock.textContent = left >= 0 ? text + ' left' : 'overdue ' + text;
    clock.className = 'clock ' + (left < 0 ? 'band-late' : left < 900 ? 'band-soon' : 'band-ok');
    const row = clock.closest('tr.task');
    if (row) row.dataset.overdue = left < 0;
  }
}
tick();
setInterval(tick, 1000);
