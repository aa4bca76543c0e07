// The Phaser the production bundle ships (vite.config.ts aliases `phaser` here): the core build
// plus the two pieces the map uses beyond it, containers and easing curves. Types stay Phaser's.
import type PhaserTypes from 'phaser';
import PhaserCore from 'phaser-src/phaser-core.js';
import Container from 'phaser-src/gameobjects/container/Container.js';
import 'phaser-src/gameobjects/container/ContainerFactory.js';
import 'phaser-src/gameobjects/container/ContainerCreator.js';
import Easing from 'phaser-src/math/easing/index.js';

PhaserCore.GameObjects.Container = Container;
PhaserCore.Math.Easing = Easing;

const Phaser = PhaserCore as typeof PhaserTypes;
export default Phaser;
