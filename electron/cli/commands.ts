/** Every `hnb` command, from each feature's cli.ts: one line per feature. */
import { allocationsCli } from '../../features/allocations/cli';
import { importsCli } from '../../features/imports/cli';
import { meetingsCli } from '../../features/meetings/cli';
import { positionCli } from '../../features/position/cli';
import { recoveryCli } from '../../features/recovery/cli';
import { workspacesCli } from '../../features/workspaces/cli';
import type { CliCommand } from './command';

export const COMMANDS: readonly CliCommand[] = [...workspacesCli, ...positionCli, ...meetingsCli, ...recoveryCli, ...allocationsCli, ...importsCli];
