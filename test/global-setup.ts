import { execFileSync } from 'node:child_process';

/** Worker threads load compiled JavaScript from dist/, and the CLI its bundle, so tests build both first (`npm run build`, a few seconds). */
export default function setup(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
}
