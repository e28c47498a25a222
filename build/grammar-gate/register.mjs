// dt-sql-parser ships ES modules that import directories (written for bundlers); Node resolves them through these hooks.
import { register } from 'node:module';
register('./hooks.mjs', import.meta.url);
