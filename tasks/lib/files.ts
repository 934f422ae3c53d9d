import { stat } from 'fs/promises';
import { TaskError } from './errors';

/** Fail with one line unless `path` is a regular file. */
export async function requireFile(path: string, argName: string): Promise<void> {
    let info;
    try {
        info = await stat(path);
    } catch {
        throw new TaskError(`--${argName}: no file at ${path}`);
    }
    if (!info.isFile()) throw new TaskError(`--${argName}: ${path} is not a regular file`);
}

/** Whether something exists at `path`. */
export async function exists(path: string): Promise<boolean> {
    return stat(path).then(
        () => true,
        () => false,
    );
}

/** A word as a POSIX shell reads it back unchanged: as is when safe, else single-quoted. */
export function shellWord(word: string): string {
    return /^[\w./:@%+=-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
