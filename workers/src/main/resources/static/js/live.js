// Every signed-in page listens to /events: the notifications badge updates itself, and pages that
// show tasks hear "live:tasks" (inbox.js, the team page).
(function () {
  if (!document.getElementById('unread-badge')) return; // not signed in
  const events = new EventSource('/events');
  const status = () => document.getElementById('live');
  events.onopen = () => { if (status()) status().textContent = '· live'; };
  events.onerror = () => { if (status()) status().textContent = '· reconnecting…'; };
  events.addEventListener('tasks', () => document.dispatchEvent(new CustomEvent('live:tasks')));
  events.addEventListener('notifications', () => {
    const badge = document.getElementById('unread-badge');
    const count = (parseInt(badge.dataset.count, 10) || 0) + 1;
    badge.dataset.count = count;
    badge.textContent = count;
    badge.hidden = false;
  });
})();
