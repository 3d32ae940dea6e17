import { execFileSync } from 'node:child_process';

/** Worker threads load compiled JavaScript from dist/, so tests build it first (about 1-2 s). */
export default function setup(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
