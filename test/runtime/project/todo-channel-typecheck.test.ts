import { execFile } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createTempProject, REPO_ROOT, type TempProject } from './temp-project.ts';

const exec = promisify(execFile);
let project: TempProject | undefined;
afterAll(() => project?.remove());

describe('the todo-channel example package', () => {
  it('type-checks against tributary/contract as a project with tributary installed sees it', async () => {
    project = await createTempProject();
    await project.linkTributary();
    await mkdir(path.join(project.dir, 'node_modules', '@types'), { recursive: true });
    await symlink(path.join(REPO_ROOT, 'node_modules', '@types', 'node'), path.join(project.dir, 'node_modules', '@types', 'node'), 'dir');
    await project.installCopy('tributary-todo', path.join(REPO_ROOT, 'examples', 'custom-nodes', 'todo-channel'));
    const compilerOptions = {
      target: 'ES2023', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023'], types: ['node'], strict: true, noEmit: true,
      allowImportingTsExtensions: true, verbatimModuleSyntax: true, skipLibCheck: true,
    };
    await writeFile(path.join(project.dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['node_modules/tributary-todo/**/*.ts'] }));
    const tsc = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await exec(process.execPath, [tsc, '-p', project.dir, '--listFilesOnly'], { cwd: project.dir });
    expect(result.stdout).toContain('tributary-todo/src/user-mapper.ts');
    await expect(exec(process.execPath, [tsc, '-p', project.dir], { cwd: project.dir })).resolves.toMatchObject({ stdout: '' });
  }, 120_000);
});
