// File-system failures the user can fix (missing directory, no permission,
// full disk) become gcc-style `fgftc: error: ...` lines instead of crashes.
import { UserError } from '../diagnostics.js';

const REASONS: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ENOSPC: 'No space left on device',
  EROFS: 'Read-only file system',
};

/** Run `action`; an fs error becomes "cannot <what> '<path>': <reason>". */
export function withFileErrors<T>(what: string, path: string, action: () => T): T {
  try {
    return action();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    if (code === undefined) throw err;
    throw new UserError(`cannot ${what} '${path}': ${REASONS[code] ?? (err as Error).message}`);
  }
}
