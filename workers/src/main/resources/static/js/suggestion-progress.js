// While the suggestion learns, the page looks again every second and a half; once done it shows the evidence.
if (document.body.dataset.running === 'true') setTimeout(() => location.reload(), 1500);
