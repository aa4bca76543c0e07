// The page's entry point (index.html loads it as an external module: the CSP allows no inline script).
import { z } from 'zod';
import { boot } from './app.js';

// The page's policy forbids eval: zod validates without compiling its checks to functions.
z.config({ jitless: true });

const root = document.getElementById('app');
if (root) void boot(root);
