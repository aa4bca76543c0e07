// The page at `/` until the browser client exists: what is running here and how to use it.
// Static text, no script.
export const landingPage = (rooms: number): string => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Guarantor server</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;color:#1b1f24}code{background:#eef1f4;padding:0 .25rem}</style>
</head>
<body>
<h1>Guarantor</h1>
<p>The Guarantor match server is running: ${rooms} match${rooms === 1 ? '' : 'es'} open. The browser client is the next milestone; until it lands, matches are played through the protocol:</p>
<ul>
<li>create a match with <code>client.create("crisis", { scenario: "classroom", hostToken, name })</code> (colyseus.js 0.16) and share its 8-character code;</li>
<li>fill seats with bots from a terminal: <code>npm run bot -- --code CODE --seat varkal</code>;</li>
<li>watch a scripted match in the terminal: <code>npm run demo</code>; run thousands: <code>npm run sim -- --scenario baltic --games 1000</code>.</li>
</ul>
<p>Documentation in the repository: <code>docs/RULES.md</code>, <code>docs/PROTOCOL.md</code>, <code>docs/BOTS.md</code>, <code>docs/SCENARIOS.md</code>. Health: <a href="/health">/health</a>.</p>
</body>
</html>
`;
