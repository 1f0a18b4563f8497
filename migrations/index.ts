import * as migration_20261123_130619_initial from './20261123_130619_initial.js';
import * as migration_20261123_140135_identity from './20261123_140135_identity.js';

export const migrations = [
  {
    up: migration_20261123_130619_initial.up,
    down: migration_20261123_130619_initial.down,
    name: '20261123_130619_initial',
  },
  {
    up: migration_20261123_140135_identity.up,
    down: migration_20261123_140135_identity.down,
    name: '20261123_140135_identity'
  },
];
