// The page at `/` when the browser client has not been built: what is running and how to get the
// client. Static text, no script.
export const landingPage = (rooms: number): string => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Guarantor server</title></head>
<body>
<h1>Guarantor</h1>
<p>The Guarantor match server is running: ${rooms} match${rooms === 1 ? '' : 'es'} open.</p>
<p>The browser client has not been built yet. Run <code>npm start</code> (it builds the client when its
sources changed) or <code>npm run build</code>, then reload this page.</p>
<p>Documentation in the repository: <code>docs/RULES.md</code>, <code>docs/PROTOCOL.md</code>, <code>docs/BOTS.md</code>, <code>docs/SCENARIOS.md</code>. Health: <a href="/health">/health</a>.</p>
</body>
</html>
`;
