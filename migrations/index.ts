import * as migration_20261123_130619_initial from './20261123_130619_initial.js';

export const migrations = [
  {
    up: migration_20261123_130619_initial.up,
    down: migration_20261123_130619_initial.down,
    name: '20261123_130619_initial'
  },
];
