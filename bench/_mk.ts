import { partnerkitProject, bareProject } from './build-scale.ts';
const [kind, n] = process.argv.slice(2);
const p = kind === 'bare' ? bareProject(Number(n)) : partnerkitProject(Number(n));
console.log(p.dir, p.types);
