// Loaded right after blazor.web.js (autostart="false"), as a file: the Content-Security-Policy refuses inline scripts.
// Full page loads between pages: each area (portal, /gestion) brings its own head.
Blazor.start({ ssr: { disableDomPreservation: true } });
