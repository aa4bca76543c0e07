// The page's entry point (index.html loads it as an external module: the CSP allows no inline script).
import { boot } from './app.js';

const root = document.getElementById('app');
if (root) void boot(root);
