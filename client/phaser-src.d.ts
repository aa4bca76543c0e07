// Phaser's source modules, reached through the `phaser-src/` alias in vite.config.ts (untyped).
declare module 'phaser-src/*';
