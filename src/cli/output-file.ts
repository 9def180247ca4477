/**
 * A file a command writes (a shard's partial result). It is checked before the run, so a
 * missing directory, a read-only or full disk, or a scenario about to be overwritten is exit 2
 * at once rather than an error after hours of work. It is written whole or not at all: into a
 * temporary file in the same directory, flushed to disk, then renamed over the destination,
 * so a kill or a full disk mid-write leaves the old file as it was (a SIGKILL may leave the
 * temporary `.NAME.PID-XXXX.tmp` beside it). A file the command reads is never overwritten,
 * even with --force; another existing file only with --force, unless it is a flowlab partial
 * result, which a shard run again replaces.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  type Stats,
  statfsSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Shard } from '../experiment/shard.ts';
import { CannotWrite, UsageError } from './errors.ts';

export interface OutputFile {
  /** As the user gave it, for messages. */
  path: string;
  /** Writes the whole text, or throws CannotWrite with the file as it was. */
  write(text: string): void;
}

export interface OutputRules {
  /** Files the command reads: never overwritten. */
  inputs: readonly string[];
  /** Replace an existing file that is not a flowlab partial result. */
  force?: boolean;
}

/**
 * The file `--shard k/n --out FILE [--force]` writes, checked now; none without --shard.
 * `--out` or `--force` without a shard would be silently ignored, so they are refused.
 */
export function shardOutput(
  command: string,
  shard: Shard | undefined,
  flags: { out?: string; force?: boolean },
  input: string,
): OutputFile | undefined {
  if (shard && flags.out === undefined)
    throw new UsageError(`${command}: --shard needs --out FILE for the partial result`);
  if (!shard && flags.out !== undefined)
    throw new UsageError(
      `${command}: --out is where --shard k/n writes its partial result; without --shard the result goes to stdout (--json > FILE)`,
    );
  if (flags.force && flags.out === undefined)
    throw new UsageError(`${command}: --force goes with --shard k/n --out FILE`);
  return shard && flags.out !== undefined
    ? outputFile(flags.out, { inputs: [input], force: flags.force })
    : undefined;
}

/** Checks that `file` may be written (exit 2 if not) and gives the writer. */
export function outputFile(file: string, rules: OutputRules): OutputFile {
  const refuse = (why: string) => new UsageError(`--out ${file}: ${why}`);
  if (file.trim() === '') throw new UsageError('--out needs a file name');
  const existing = statOrUndefined(file, refuse);
  if (existing?.isDirectory()) throw refuse('is a directory; give a file name');
  for (const input of rules.inputs) {
    const read = statOrUndefined(input, () => undefined);
    if (existing && read && existing.dev === read.dev && existing.ino === read.ino)
      throw refuse(`is ${input}, which this command reads; it would be overwritten. Give another file`);
  }
  // A device or a pipe (/dev/stdout, /dev/null, a FIFO) cannot be replaced, only written to.
  if (existing && !existing.isFile()) return { path: file, write: (text) => writeDirect(file, text) };
  if (existing && !rules.force && !isPartialResult(file))
    throw refuse('exists and is not a flowlab partial result; add --force to replace it');
  // Through a symbolic link, the file it points to is replaced, not the link.
  const target = existing ? realpathSync(file) : resolve(file);
  const directory = dirname(target);
  probe(directory, refuse);
  return { path: file, write: (text) => writeWhole(file, target, text) };
}

function statOrUndefined(file: string, refuse: (why: string) => Error | undefined): Stats | undefined {
  try {
    return statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    const problem = refuse(
      code === 'ENOTDIR' ? 'a part of the path is a file, not a directory' : describe(error),
    );
    if (problem) throw problem;
    return undefined;
  }
}

/** A flowlab partial result begins with its format, whatever its version. */
function isPartialResult(file: string): boolean {
  const head = Buffer.alloc(64);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const read = readSync(fd, head, 0, head.length, 0);
    return /^\{"format":"flowlab-partial"/.test(head.subarray(0, read).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The directory exists, a file can be made and written in it, and its disk is not full. */
function probe(directory: string, refuse: (why: string) => Error): void {
  let where: Stats;
  try {
    where = statSync(directory);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw refuse(`the directory ${directory} does not exist`);
    if (code === 'ENOTDIR') throw refuse('a part of the path is a file, not a directory');
    throw refuse(`the directory ${directory} cannot be reached: ${describe(error)}`);
  }
  if (!where.isDirectory()) throw refuse(`${directory} is not a directory`);
  if (statfsSync(directory).bavail === 0) throw refuse(`the disk holding ${directory} is full`);
  const trial = temporaryName(directory, 'probe');
  try {
    writeFileSync(trial, 'flowlab', { flag: 'wx' });
  } catch (error) {
    throw refuse(`cannot write in ${directory}: ${describe(error)}`);
  } finally {
    try {
      unlinkSync(trial);
    } catch {}
  }
}

function writeWhole(file: string, target: string, text: string): void {
  const temporary = temporaryName(dirname(target), basename(target));
  try {
    const fd = openSync(temporary, 'wx');
    try {
      writeFileSync(fd, text);
      // On disk before the rename, so a crash never leaves the new name on an empty file.
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {}
    throw new CannotWrite(`could not write ${file}: ${describe(error)}; it is as it was before the run`);
  }
}

function writeDirect(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new CannotWrite(`could not write ${file}: ${describe(error)}`);
  }
}

function temporaryName(directory: string, name: string): string {
  return join(directory, `.${name}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** "no space left on device (ENOSPC)", without the syscall and path Node adds. */
function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (!e.code) return e instanceof Error ? e.message : String(error);
  const words: Record<string, string> = {
    ENOSPC: 'no space left on the disk',
    EDQUOT: 'the disk quota is used up',
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    EROFS: 'the file system is read-only',
    EISDIR: 'is a directory',
    ENOENT: 'no such file or directory',
    ENOTDIR: 'a part of the path is not a directory',
    EIO: 'an input/output error',
    ENAMETOOLONG: 'the name is too long',
  };
  return `${words[e.code] ?? e.message} (${e.code})`;
}
